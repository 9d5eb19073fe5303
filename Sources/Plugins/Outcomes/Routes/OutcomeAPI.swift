import Foundation
import Hummingbird

/// A booth's outcome report. `stage`: interview, intent, placement, retained (or 面试, 达成意向,
/// 成功就业, 稳定就业); `correct` (managers only) moves a person back.
struct OutcomeBody: Decodable {
    var person: String
    var posting: String
    var stage: String
    var date: String?
    var note: String?
    var correct: Bool?
    /// Placed without ever being checked in; needs a note.
    var not_attended: Bool?
}

struct OutcomeReply: ResponseEncodable {
    /// advanced, unchanged or corrected.
    var change: String
    var from: String
    var to: String
    var name: String
    var id_number: String
    var posting: String
    var enterprise: String
}

struct PostingRow: ResponseEncodable {
    var code: String
    var title: String
    var enterprise: String
    var openings: Int
}
