import Foundation

/// One typed input of a template (`inputs:`): what a campaign made from it must (or may) give.
public struct TemplateInput: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case text, integer, number, boolean, date
        case dateTime = "date-time"
        case duration, list
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    public var defaultValue: Value?
    public var doc: String?
    public var location: SourceLocation

    /// The value as its declared type, or why it cannot be.
    public func coerce(_ value: Value, timeZone: TimeZone) -> Result<Value, TypeMismatch> {
        switch kind {
        case .text: ParameterBinding.coerce(value, to: .string, timeZone: timeZone)
        case .integer: ParameterBinding.coerce(value, to: .integer, timeZone: timeZone)
        case .number: ParameterBinding.coerce(value, to: .number, timeZone: timeZone)
        case .boolean: ParameterBinding.coerce(value, to: .boolean, timeZone: timeZone)
        case .dateTime: ParameterBinding.coerce(value, to: .dateTime, timeZone: timeZone)
        case .duration: ParameterBinding.coerce(value, to: .duration, timeZone: timeZone)
        case .date:
            if let day = TimeFormats.day(value.interpolated) { .success(.string(day)) }
            else { .failure(TypeMismatch(ParameterMessages.notADay(["text": String(value.interpolated.prefix(40))]))) }
        case .list:
            // On the command line a list is one text: 城关镇,河口镇 (or with 、 as Chinese lists are written).
            if case .string(let text) = value {
                .success(.array(text.split(whereSeparator: { $0 == "," || $0 == "、" })
                    .map { .string($0.trimmingCharacters(in: .whitespaces)) }))
            } else {
                ParameterBinding.coerce(value, to: .stringList, timeZone: timeZone)
            }
        }
    }

    /// "date, required: the day of the fair" — for hints and `validate`.
    public var summary: String {
        "\(name) (\(kind.rawValue)\(required ? ", required" : defaultValue.map { ", default \($0.interpolated)" } ?? ""))"
            + (doc.map { ": \($0)" } ?? "")
    }
}

/// A `name:`, `title:` or `date:` written with `${{ inputs.… }}`: filled in when a campaign is made
/// from the template.
public struct InputPlaceholder: Sendable {
    public var key: String
    public var text: String
    public var location: SourceLocation
}
