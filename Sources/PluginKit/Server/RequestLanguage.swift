import Hummingbird
import Workflow

extension Request {
    /// The language to answer in: `?lang=`, else the page's `Accept-Language` (it sends its switch's
    /// language with every request), else Chinese.
    public var language: Language {
        uri.queryParameters.get("lang").flatMap(Language.init(tag:)) ?? Language.accepting(headers[.acceptLanguage])
    }
}
