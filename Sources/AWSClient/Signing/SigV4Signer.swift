import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4; a pure value whose only input besides the request is the date.
public struct SigV4Signer: Sendable {
    /// Variations the AWS test suite and some services need; the defaults are right for ECS, ECR, STS and friends.
    public struct Options: Sendable, Equatable {
        /// Percent-encode the wire path once more (every service but S3).
        public var encodePath = true
        /// Apply remove-dot-segments to the path (every service but S3).
        public var normalizePath = true
        /// Send and sign `x-amz-content-sha256` with the payload hash.
        public var addContentSHA256Header = false
        /// Sign `x-amz-security-token`; false adds it after signing, as a few legacy services expect.
        public var signSessionToken = true

        public init(encodePath: Bool = true, normalizePath: Bool = true, addContentSHA256Header: Bool = false, signSessionToken: Bool = true) {
            self.encodePath = encodePath
            self.normalizePath = normalizePath
            self.addContentSHA256Header = addContentSHA256Header
            self.signSessionToken = signSessionToken
        }
    }

    /// The intermediate values of one signature, named after the AWS documentation's tasks.
    public struct Components: Sendable {
        let canonicalRequestBytes: [UInt8]
        let stringToSignBytes: [UInt8]
        public let signature: String
        public let authorization: String

        public var canonicalRequest: String { String(decoding: canonicalRequestBytes, as: UTF8.self) }
        public var stringToSign: String { String(decoding: stringToSignBytes, as: UTF8.self) }
    }

    public static let algorithm = "AWS4-HMAC-SHA256"

    public var credentials: Credentials
    public var region: String
    public var service: String
    public var options: Options
    let keyCache: SigningKeyCache

    public init(credentials: Credentials, region: String, service: String, options: Options = Options(), keyCache: SigningKeyCache = .shared) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
        self.keyCache = keyCache
    }

    /// Adds `X-Amz-Date`, the session token, and `Authorization` to the request.
    @discardableResult
    public func sign(_ request: inout HTTPRequest, date: Date) -> Components {
        let amzDate = AMZDate(date)
        request.headers.set("X-Amz-Date", amzDate.timestamp)
        if request.headers["host"] == nil {
            request.headers.add("Host", request.endpoint.hostHeader)
        }
        if let token = credentials.sessionToken, options.signSessionToken {
            request.headers.set("X-Amz-Security-Token", token)
        }
        let payloadHash = SigV4Signer.hexSHA256(request.body)
        if options.addContentSHA256Header {
            request.headers.set("x-amz-content-sha256", payloadHash)
        }
        let components = self.components(for: request, payloadHash: payloadHash, date: amzDate)
        request.headers.set("Authorization", components.authorization)
        if let token = credentials.sessionToken, !options.signSessionToken {
            request.headers.set("X-Amz-Security-Token", token)
        }
        return components
    }

    func components(for request: HTTPRequest, payloadHash: String, date: AMZDate) -> Components {
        let canonical = CanonicalRequest(
            method: request.method, path: request.path, query: request.query, headers: request.headers,
            payloadHash: payloadHash, encodePath: options.encodePath, normalizePath: options.normalizePath
        )
        let scope = date.day + "/" + region + "/" + service + "/aws4_request"
        let stringToSign = stringToSign(canonicalRequest: canonical.bytes, timestamp: date.timestamp, scope: scope)
        let signature = signature(of: stringToSign, day: date.day)
        var authorization = SigV4Signer.algorithm
        authorization.reserveCapacity(160 + canonical.signedHeaders.utf8.count)
        for part in [" Credential=", credentials.accessKeyId, "/", scope, ", SignedHeaders=", canonical.signedHeaders, ", Signature=", signature] {
            authorization.append(part)
        }
        return Components(canonicalRequestBytes: canonical.bytes, stringToSignBytes: stringToSign, signature: signature, authorization: authorization)
    }

    /// Task 2: algorithm, timestamp, scope and the hash of the canonical request, one per line.
    func stringToSign(canonicalRequest: [UInt8], timestamp: String, scope: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        out.append(contentsOf: SigV4Signer.algorithm.utf8)
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: timestamp.utf8)
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: scope.utf8)
        out.append(UInt8(ascii: "\n"))
        Hex.appendLower(SHA256.hash(data: canonicalRequest), to: &out)
        return out
    }

    /// Tasks 3 and 4: derive (or reuse) the signing key and HMAC the string to sign.
    func signature(of stringToSign: [UInt8], day: String) -> String {
        let key = keyCache.key(secret: credentials.secretAccessKey, accessKeyId: credentials.accessKeyId, day: day, region: region, service: service)
        return Hex.lowerString(key.authenticate(stringToSign))
    }

    static func hexSHA256(_ data: Data) -> String {
        if data.isEmpty { return emptyPayloadHash }
        var hasher = SHA256()
        data.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Hex.lowerString(hasher.finalize())
    }

    static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
}
