#!/usr/bin/env python3
"""Walks the staff page as a phone user does: opens the sign-in link in headless Chromium at a phone's
width, then runs the steps given as JSON — each types into fields and taps buttons (`run`), waits for
the page to answer (`wait`), reads what it shows (`read`) and may take a screenshot (`shot`). Prints
`{"signed_in": …, "reads": […]}` as JSON. Uses the DevTools client of upload_photo.py.

    phone_journey.py CHROMIUM PAGE_URL WIDTH SCREENSHOT_FOLDER PROFILE_DIR STEPS_JSON
"""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from upload_photo import Browser  # noqa: E402


def main():
    chromium, url, width, folder, profile, steps = sys.argv[1:7]
    browser = Browser(chromium, profile)
    reads = []
    try:
        browser.call("Emulation.setDeviceMetricsOverride", width=int(width), height=800, deviceScaleFactor=1, mobile=True)
        browser.call("Page.enable")
        browser.call("Page.navigate", url=url)
        signed_in = browser.wait_for("!!document.getElementById('app') && "
                                     "!document.getElementById('app').classList.contains('hidden')")
        for step in json.loads(steps):
            if "run" in step:
                browser.evaluate(step["run"])
            if "wait" in step and not browser.wait_for(step["wait"], seconds=15):
                reads.append({"timeout": step["wait"]})
            if "read" in step:
                reads.append(browser.evaluate(step["read"]))
            if "shot" in step:
                shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
                with open(os.path.join(folder, step["shot"] + ".png"), "wb") as file:
                    file.write(base64.b64decode(shot))
        print(json.dumps({"signed_in": signed_in, "reads": reads}, ensure_ascii=False))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
