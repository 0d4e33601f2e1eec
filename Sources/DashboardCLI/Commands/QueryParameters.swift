import AWSClient
import DashboardEngine
import DashboardModel
import Foundation

/// Converts between JSON and the query protocol for `ecsdash call`: JSON input becomes `Name.member.N`
/// parameters, and XML replies become JSON objects (repeated elements become arrays).
package enum QueryParameters {
    package struct NotAnObject: Error, CustomStringConvertible {
        package var description: String { "--input must be a JSON object" }
    }

    package static func flatten(json: Data) throws -> [QueryItem] {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else { throw NotAnObject() }
        return flatten(object, prefix: "")
    }

    package static func flatten(_ value: Any, prefix: String) -> [QueryItem] {
        switch value {
        case let object as [String: Any]:
            return object.keys.sorted().flatMap { key in flatten(object[key]!, prefix: prefix.isEmpty ? key : "\(prefix).\(key)") }
        case let array as [Any]:
            return array.enumerated().flatMap { index, item in flatten(item, prefix: "\(prefix).member.\(index + 1)") }
        case let number as NSNumber:
            return [QueryItem(prefix, number.stringValue)]
        default:
            return [QueryItem(prefix, "\(value)")]
        }
    }

    package static func jsonObject(from node: XMLNode) -> [String: Any] {
        [node.name: value(of: node)]
    }

    private static func value(of node: XMLNode) -> Any {
        guard !node.children.isEmpty else { return node.text }
        if node.children.allSatisfy({ $0.name == "member" }) { return node.children.map(value(of:)) }
        var object: [String: Any] = [:]
        for child in node.children {
            if let existing = object[child.name] {
                object[child.name] = ((existing as? [Any]) ?? [existing]) + [value(of: child)]
            } else {
                object[child.name] = value(of: child)
            }
        }
        return object
    }
}
