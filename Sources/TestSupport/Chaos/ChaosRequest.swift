import Foundation

/// What the chaos proxy reads off a request to pick a fault: the AWS service, operation, signing key and account.
package struct ChaosRequest: Sendable {
    package var service: String?
    package var operation: String?
    package var accessKeyId: String?
    package var account: String?
    /// `X-Amz-Date` as a time, for the clock-skew check.
    package var signedAt: Date?
    /// Query-protocol services answer errors in XML, JSON ones in JSON.
    package var isQueryProtocol: Bool
    /// The decoded form fields of a query-protocol request (`RoleArn` of an AssumeRole, say).
    package var form: [String: String]

    package init(headers: [(name: String, value: String)], body: Data) {
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        // `Credential=AKID/20261204/eu-west-1/ecs/aws4_request` names the key and the service.
        if let authorization = header("authorization"), let range = authorization.range(of: "Credential=") {
            let scope = authorization[range.upperBound...].prefix { $0 != "," && $0 != " " }.split(separator: "/")
            accessKeyId = scope.first.map(String.init)
            service = scope.count >= 4 ? String(scope[3]) : nil
        }
        let target = header("x-amz-target")
        operation = target.flatMap { $0.split(separator: ".").last.map(String.init) }
        isQueryProtocol = target == nil
        form = [:]
        if isQueryProtocol {
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
                if let name = parts.first { form[decode(name)] = parts.count > 1 ? decode(parts[1]) : "" }
            }
            operation = form["Action"]
            // AssumeRoleWithWebIdentity is not signed: the token is the proof.
            if service == nil, operation != nil { service = "sts" }
        }
        signedAt = header("x-amz-date").flatMap(Self.parseAMZDate)
    }

    package static func parseAMZDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}
