#!/usr/bin/env python3
"""An external plugin for `campaign`: an SMS outbox (短信发件箱).

It does not send anything: it appends each message to a JSON-lines file that the county's SMS
gateway (or a person with a phone) picks up. It shows what every external plugin must do:

- answer `describe` with its actions, their parameters and outputs;
- answer `run` with one JSON reply, reading one JSON request on stdin;
- deduplicate its effect by the request's `idempotency_key`: after a crash `campaign` runs the
  step again with the same key, and the outbox must not get the messages twice.

Standard library only. Protocol: docs/external-plugins.md (version 1).
"""
import fcntl
import json
import os
import sys
import time

DESCRIPTION = {
    "protocol": 1,
    "summary": "SMS outbox: writes each message to a file the SMS gateway picks up, once per phone.",
    "actions": [
        {
            "name": "send",
            "summary": "Puts one message per phone number in the outbox (a JSON-lines file).",
            "parameters": [
                {"name": "to", "type": "list of text", "required": True,
                 "doc": "The mobile numbers to send to."},
                {"name": "message", "type": "text", "required": True,
                 "doc": "The text of the message, e.g. 明天上午9点县人社局招聘会，请带身份证。"},
                {"name": "outbox", "type": "output path", "default": "sms-outbox.jsonl",
                 "doc": "The outbox file, relative to the definition's folder."},
                {"name": "hold", "type": "integer", "default": 0,
                 "doc": "Milliseconds to wait after writing before answering (to rehearse a crash)."},
            ],
            "outputs": [
                {"name": "queued", "doc": "Messages put in the outbox by this step."},
                {"name": "already_queued", "doc": "Messages an earlier attempt of this step had put there."},
            ],
        }
    ],
}


def mask(phone):
    return phone[:3] + "*" * max(0, len(phone) - 7) + phone[-4:] if len(phone) >= 7 else "*" * len(phone)


def reply(answer):
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def send(request):
    params = request["with"]
    key = request["idempotency_key"]
    outbox = os.path.join(request["directory"], params.get("outbox") or "sms-outbox.jsonl")
    phones = [p.strip() for p in params["to"] if p.strip()]
    bad = [p for p in phones if not (len(p) == 11 and p.isdigit() and p.startswith("1"))]
    if bad:
        return {"status": "failed", "retryable": False,
                "message": "不是手机号 not a mobile number: " + ", ".join(mask(p) for p in bad)}
    os.makedirs(os.path.dirname(outbox) or ".", exist_ok=True)
    queued = already = 0
    # One writer at a time: after a crash the first attempt may still be running beside the second.
    with open(outbox + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = set()
        if os.path.exists(outbox):
            with open(outbox, encoding="utf-8") as existing:
                for line in existing:
                    try:
                        done.add(json.loads(line)["id"])
                    except (ValueError, KeyError):
                        pass
        with open(outbox, "a", encoding="utf-8") as out:
            for phone in phones:
                message_id = key + "#" + phone
                if message_id in done:
                    already += 1
                    continue
                out.write(json.dumps({"id": message_id, "to": phone, "text": params["message"],
                                      "campaign": request["campaign"], "at": request["now"]},
                                     ensure_ascii=False) + "\n")
                done.add(message_id)
                queued += 1
            out.flush()
            os.fsync(out.fileno())
    print(f"sms-outbox: {queued} queued, {already} already queued (attempt {request['attempt']})", file=sys.stderr)
    hold = int(params.get("hold") or 0)
    if hold > 0:
        time.sleep(hold / 1000)
    return {"status": "completed", "outputs": {"queued": queued, "already_queued": already}}


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "describe":
        reply(DESCRIPTION)
        return
    if command != "run":
        print("usage: sms-outbox.py describe | run (with the request on stdin)", file=sys.stderr)
        sys.exit(64)
    request = json.load(sys.stdin)
    if request.get("action") != "send":
        reply({"status": "failed", "retryable": False, "message": "unknown action " + str(request.get("action"))})
        return
    try:
        reply(send(request))
    except OSError as error:
        # A full disk or a locked share may pass: let campaign try again (with the same key).
        reply({"status": "failed", "retryable": True, "message": "outbox not written: " + str(error)})


if __name__ == "__main__":
    main()
