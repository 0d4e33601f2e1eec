import Foundation

/// One thing that can go wrong with a request on its way to AWS and back.
public enum Fault: Sendable, Hashable, CustomStringConvertible {
    /// AWS's throttling answer for the service's protocol (HTTP 400, `ThrottlingException` / `Throttling`).
    case throttle
    /// An HTML error page from a load balancer or proxy, with this status.
    case htmlPage(status: Int)
    /// The connection is reset (RST) before the request reaches AWS: nothing happened there.
    case resetBeforeForwarding
    /// AWS handles the request, then the connection is reset before the answer arrives.
    case resetAfterForwarding
    /// AWS's answer is cut off halfway through its body (the announced length is never reached).
    case truncate
    /// A 200 answer whose body is not what the operation returns.
    case wrongBody(WrongBody)
    /// No answer for this long (nil: until the client gives up and closes).
    case hang(seconds: Double?)
    /// AWS's expired-credentials answer (`ExpiredTokenException`).
    case expiredToken

    public var description: String {
        switch self {
        case .throttle: "throttle"
        case .htmlPage(let status): "html-\(status)"
        case .resetBeforeForwarding: "reset-before"
        case .resetAfterForwarding: "reset-after"
        case .truncate: "truncate"
        case .wrongBody(let body): "body-\(body)"
        case .hang(let seconds): seconds.map { "hang-\(Int($0))s" } ?? "hang"
        case .expiredToken: "expired-token"
        }
    }

    /// Needs AWS's real answer first.
    var forwards: Bool {
        switch self {
        case .resetAfterForwarding, .truncate: true
        default: false
        }
    }
}

/// A body that parses (or nearly) but lies about the operation's answer.
public enum WrongBody: String, Sendable, Hashable, CaseIterable {
    /// `{}`: every member missing.
    case emptyObject = "empty-object"
    /// Every top-level member of AWS's real answer set to null.
    case nulls
    /// Every top-level member of AWS's real answer given the wrong type (strings become numbers, lists objects).
    case wrongTypes = "wrong-types"
    /// A JSON string where an object belongs (`"str"`).
    case string
    /// The real answer with its first list repeated whole to a few hundred thousand elements.
    case hugeArray = "huge-array"
    /// Arrays nested a hundred thousand deep.
    case deepNesting = "deep-nesting"
    /// Not JSON at all.
    case garbage
}
