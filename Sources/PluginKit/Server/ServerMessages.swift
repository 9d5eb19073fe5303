import Workflow

/// What the staff API answers when a request cannot be served, in the request's language
/// (`?lang=`, else `Accept-Language`, else Chinese).
public struct ServerMessages: MessageCatalogue {
    public static let shared = ServerMessages()

    public let noField = MessageText("server.no-field", zh: "请求缺少“{field}”", en: "the request has no '{field}'")
    public let emptyField = MessageText("server.empty-field", zh: "“{field}”为空", en: "'{field}' is empty")
    public let wrongKind = MessageText("server.wrong-kind", zh: "“{field}”应是{kind}", en: "'{field}' must be {kind}")
    public let kindText = MessageText("server.kind-text", zh: "文字", en: "text")
    public let kindBoolean = MessageText("server.kind-boolean", zh: "true 或 false", en: "true or false")
    public let kindNumber = MessageText("server.kind-number", zh: "数字", en: "a number")
    public let kindOther = MessageText("server.kind-other", zh: "另一种值", en: "another kind of value")
    public let notJSON = MessageText("server.not-json", zh: "请求内容不是这个地址接受的 JSON",
                                     en: "the request body is not the JSON this address takes")
    public let signIn = MessageText("server.sign-in", zh: "请用您的工作人员令牌登录（campaign staff add NAME）",
                                    en: "sign in with your staff token (campaign staff add NAME)")
    public let organizersOnly = MessageText("server.organizers-only", zh: "只有组织者可以这样做", en: "only organizers can do this")
    public let managersOnly = MessageText("server.managers-only", zh: "只有管理员可以查看", en: "only managers can see this")
    public let throttled = MessageText("server.throttled", zh: "这台设备输错令牌的次数太多；请等 {seconds} 秒后再试",
                                       en: "too many wrong tokens from this device; wait {seconds} s and try again")
    public let unknownToken = MessageText("server.unknown-token", zh: "这个令牌不存在或已被收回；请向管理员要一个新的",
                                          en: "this token is unknown or was revoked; ask a manager for a new one")
    public let wentWrong = MessageText("server.went-wrong", zh: "服务器出了问题；已记录在日志中",
                                       en: "something went wrong on the server; it was logged")
    public let signalBody = MessageText(
        "server.signal-body", zh: "请求需要带 'step' 的 JSON 内容（对 for_each 步骤的某个实例还要 'item'）",
        en: "the request needs a JSON body with 'step' (and 'item' for one instance of a for_each step)")

    public let cannotWriteCA = MessageText("server.cannot-write-ca", zh: "无法写入本机证书颁发机构的密钥 {path}",
                                           en: "cannot write the local certificate authority's key {path}")
    public let noTLS = MessageText("server.no-tls", zh: "这个服务器没有用 --tls 启动，没有证书可下载",
                                   en: "this server was not started with --tls: there is no certificate to download")
}
