/// The page a phone opens once, over plain http, to trust this laptop's certificate authority before
/// it uses the check-in page over https: the steps for Android and for iOS, in Chinese and English.
enum TrustPage {
    static func html(secureAddress: String) -> String {
        """
        <!doctype html>
        <html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>信任本机证书 · Trust this laptop</title>
        <style>
          body { font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 1rem; line-height: 1.5; }
          a.button { display: block; background: #b71c1c; color: white; text-align: center; padding: .9rem; border-radius: .5rem;
                     text-decoration: none; font-size: 1.2rem; margin: 1rem 0; }
          h2 { font-size: 1.1rem; margin-top: 1.5rem; } small { color: #555; }
        </style></head>
        <body>
        <h1>信任本机证书，打开带摄像头扫码的签到页</h1>
        <p>每部手机只需做一次。<small>Once per phone: trust this laptop's certificate, then the check-in page can use the camera.</small></p>
        <a class="button" href="/ca.pem" download="campaign-ca.pem">① 下载证书 · Download the certificate</a>
        <h2>安卓 Android</h2>
        <ol><li>下载后打开“设置 → 安全 → 加密与凭据 → 安装证书 → CA 证书”，选择 campaign-ca.pem。</li>
            <li>Settings → Security → Encryption &amp; credentials → Install a certificate → CA certificate → campaign-ca.pem.</li></ol>
        <h2>苹果 iPhone / iPad</h2>
        <ol><li>用 Safari 打开本页并下载证书，在“设置 → 已下载描述文件”中安装。</li>
            <li>再到“设置 → 通用 → 关于本机 → 证书信任设置”，打开 campaign local CA。</li>
            <li>Safari: download, then Settings → Profile Downloaded → Install; Settings → General → About → Certificate Trust Settings → turn on campaign local CA.</li></ol>
        <a class="button" href="\(secureAddress)">② 打开签到页 · Open the check-in page</a>
        </body></html>
        """
    }
}
