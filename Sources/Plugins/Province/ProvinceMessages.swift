import Workflow

/// What publishing and the province's tally say, in Chinese and English.
public struct ProvinceMessages: MessageCatalogue {
    public static let shared = ProvinceMessages()

    public let notAnAddress = MessageText(
        "province.not-an-address", zh: "“{text}”不是 PostgreSQL 地址",
        en: "'{text}' is not a PostgreSQL address")
    public let addressForm = MessageText(
        "province.address-form", zh: "写成 postgresql://用户:密码@主机:5432/数据库，或本机套接字 postgresql:///数据库?host=/套接字目录",
        en: "write postgresql://user:password@host:5432/database, or a local socket postgresql:///database?host=/socket/folder")
    public let addressNeeded = MessageText(
        "province.address-needed", zh: "没有写省级数据库地址：用 {flag} 或环境变量 CAMPAIGN_PROVINCE_DB",
        en: "no address of the province's database: give {flag} or set CAMPAIGN_PROVINCE_DB")
    public let badPersonKey = MessageText(
        "province.bad-person-key", zh: "读不到省里发的密钥文件 {path}，或其中不足 16 个字节",
        en: "cannot read the province's key file {path}, or it holds fewer than 16 bytes")
    public let personKeyHint = MessageText(
        "province.person-key-hint", zh: "向省里索取密钥文件（每个县同一个）；不加 --person-key 则只发布数字",
        en: "ask the province for its key file (the same for every county); without --person-key only figures are published")
    public let cannotConnect = MessageText(
        "province.cannot-connect", zh: "连不上省级数据库 {address}：{reason}",
        en: "cannot reach the province's database at {address}: {reason}")
    public let checkServer = MessageText(
        "province.check-server", zh: "检查数据库是否在运行、地址和口令是否正确；未送达的数据留在工作区，下次发布时补发",
        en: "check that the database runs and the address and password are right; what was not delivered stays in the workspace and goes with the next publish")
    public let databaseRefused = MessageText(
        "province.database-refused", zh: "省级数据库拒绝了请求：{reason}",
        en: "the province's database refused the request: {reason}")
    public let newerSchema = MessageText(
        "province.newer-schema", zh: "省级数据库的结构版本（{found}）比本程序新（{known}）",
        en: "the province's database has a newer layout ({found}) than this program knows ({known})")
    public let upgradeProgram = MessageText(
        "province.upgrade-program", zh: "请升级 campaign 后再发布或统计", en: "upgrade campaign, then publish or tally again")
    public let notACountyCode = MessageText(
        "province.not-a-county-code", zh: "县级行政区划代码应为 6 位数字（如 522633），不是“{text}”",
        en: "a county's administrative division code has 6 digits (e.g. 522633), not '{text}'")
    public let countyNeeded = MessageText(
        "province.county-needed", zh: "工作区还不知道自己是哪个县：第一次发布时写明 --county 代码和 --county-name 名称",
        en: "the workspace does not know its county yet: give --county CODE and --county-name NAME on the first publish")
    public let countyChanged = MessageText(
        "province.county-changed", zh: "这个工作区已按 {known}（{name}）发布过，不能再以 {given} 发布：否则同一批人会在两个县各算一次",
        en: "this workspace has published as {known} ({name}) and cannot publish as {given}: the same people would count in two counties")
    public let countyChangedHint = MessageText(
        "province.county-changed-hint", zh: "去掉 --county，或换用另一个工作区",
        en: "leave out --county, or use another workspace")
    public let noCampaignToPublish = MessageText(
        "province.no-campaign", zh: "工作区里没有活动可发布", en: "the workspace holds no campaign to publish")
    public let published = MessageText(
        "province.published", zh: "已向省级数据库发布 {county}（{name}）：{sent} 个活动送达，{unchanged} 个未变化",
        en: "Published {county} ({name}) to the province: {sent} campaigns delivered, {unchanged} unchanged")
    public let publishedCampaign = MessageText(
        "province.published-campaign", zh: "  {campaign}：第 {version} 版，{cells} 个人员格，截至 {asOf}",
        en: "  {campaign}: version {version}, {cells} people cells, as of {asOf}")
    public let computing = MessageText(
        "province.computing", zh: "正在统计 {campaign}……", en: "Counting {campaign}…")
    public let noCountyPublished = MessageText(
        "province.no-county", zh: "省级数据库里还没有任何县发布过数据", en: "no county has published to the province's database yet")
    public let publishFirst = MessageText(
        "province.publish-first", zh: "各县先运行 campaign publish --to 地址 --county 代码 --county-name 名称",
        en: "each county runs campaign publish --to ADDRESS --county CODE --county-name NAME first")
    public let countiesLine = MessageText(
        "province.counties-line", zh: "{count} 个县（市、区）：{counties}", en: "{count} counties: {counties}")
    public let countyAsOf = MessageText(
        "province.county-as-of", zh: "{name} 截至 {asOf}", en: "{name} as of {asOf}")
    public let wrote = MessageText("province.wrote", zh: "已写出 {file}", en: "Wrote {file}")
    public let pageCounties = MessageText("province.page-counties", zh: "各县发布情况", en: "Counties' publishes")
    public let pageCode = MessageText("province.page-code", zh: "区划代码", en: "Code")
    public let pageCounty = MessageText("province.page-county", zh: "县（市、区）", en: "County")
    public let pagePublished = MessageText("province.page-published", zh: "最近发布", en: "Last published")
    public let pageAsOf = MessageText("province.page-as-of", zh: "数据截至", en: "Figures as of")
    public let pageLag = MessageText("province.page-lag", zh: "延迟（分钟）", en: "Lag (minutes)")
    public let serving = MessageText(
        "province.serving", zh: "省级汇总页面：{address}（每分钟刷新；按 Ctrl-C 停止）",
        en: "The province's page: {address} (refreshes every minute; stop with Ctrl-C)")
    public let tokenNeeded = MessageText(
        "province.token-needed", zh: "需要口令：打开启动时显示的链接（含 ?token=），或在请求头中带 Authorization: Bearer 口令",
        en: "a token is needed: open the link printed at start (with ?token=), or send Authorization: Bearer TOKEN")
}
