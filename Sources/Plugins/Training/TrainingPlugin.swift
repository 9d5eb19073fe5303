import Ledger
import PluginKit
import Workflow

/// Skills training (职业技能培训): classes at the county's training bases, enrolment from the ledger
/// (target groups first), attendance per session (sheets, or the staff page live), exams and
/// certificates, the training subsidy with a reason for everyone it is refused, employment after
/// training, and the figures by trade, base, township and group.
public enum TrainingPlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "training",
               summary: "Skills training: classes, enrolment, attendance per session, certificates, subsidy, employment after.",
               actions: [ClassAction(), EnrolAction(), SessionAction(), ImportAction(AttendanceImport()),
                         ImportAction(ResultImport()), ImportAction(EmploymentImport()), SubsidyAction()],
               migrations: TrainingSchema.migrations, dependencies: ["ledger"], campaignKinds: [.training]),
        title: "training (职业技能培训)",
        commands: [TrainingCommand.self],
        importKinds: [.trainingAttendance, .trainingResults, .trainingEmployment],
        routes: TrainingRoutes.routes,
        web: WebSurface(panels: [
            PagePanel(name: "attendance", html: PackageResources.attendance_html, script: PackageResources.attendance_js,
                      words: TrainingPageWords.all, kinds: [.training], order: 12),
        ], openAPI: PackageResources.openapi_json),
        tallySections: [TrainingSection(), TrainingEmploymentSection()],
        messages: TrainingMessages.all + TrainingWords.all
    )
}
