import AWSClient
import Foundation

/// The simulated AWS world behind `--demo`: a registry account and dev/sit/uat/prod accounts answering the real
/// JSON and query protocols through the `HTTPTransport` seam, moved only by the injected clock.
package final class SimulatedFleet: @unchecked Sendable {
    package static let environmentNames = ["dev", "sit", "uat", "prod"]
    package static let registryAccount = "111111111111"
    package static let environmentAccounts = ["dev": "222222222222", "sit": "333333333333", "uat": "444444444444", "prod": "555555555555"]
    /// The account of the base identity, the demo user.
    package static let baseAccount = "999999999999"
    package static let region = "eu-west-1"
    package static let readOnlyRoleName = "DashboardReadOnly"
    package static let deployRoleName = "DashboardDeployer"
    /// The base identity's fake keys: user `demo` in account 999999999999.
    package static let demoCredentials = Credentials(accessKeyId: "AKIADEMOEXAMPLE00001", secretAccessKey: "demo/K7MDENG/bPxRfiCYEXAMPLEKEYdemo0001")

    package let clock: any AWSClock
    private let lock = NSLock()
    private let world: SimulatedWorld
    /// How the world was built, and every change since: what `record()` hands out to be saved.
    private var history: SimulatedWorldRecord
    private var counts: [String: Int] = [:]
    private var failures: [SimulatedFailureRule] = []
    /// Account id → seconds to hold each answer.
    private var latencies: [String: Double] = [:]

    package convenience init(clock: any AWSClock, servicesPerEnvironment: Int = 5, tasksPerService: Int = 2, seed: UInt64 = 1) {
        self.init(clock: clock, building: SimulatedWorldRecord(origin: clock.now().timeIntervalSince1970, seed: seed,
                                                               servicesPerEnvironment: servicesPerEnvironment, tasksPerService: tasksPerService))
    }

    /// The world a record describes, rebuilt exactly: generated as of its origin, then its changes replayed at their
    /// times. Time after the last change passes as usual, on `clock`.
    package convenience init(clock: any AWSClock, restoring record: SimulatedWorldRecord) throws(SimulatedReplayError) {
        self.init(clock: clock, building: SimulatedWorldRecord(origin: record.origin, seed: record.seed,
                                                               servicesPerEnvironment: record.servicesPerEnvironment, tasksPerService: record.tasksPerService))
        // No lock: nothing else can reach the fleet before its initialiser returns.
        for (index, change) in record.changes.enumerated() {
            guard change.at >= (history.changes.last?.at ?? record.origin) else {
                throw SimulatedReplayError(change: index + 1, name: change.name, reason: "it is dated before the change or the world it follows")
            }
            guard let call = change.call() else {
                throw SimulatedReplayError(change: index + 1, name: change.name, reason: "unknown service or a body that is not a JSON object")
            }
            do {
                _ = try perform(call, as: change.identity, now: change.at)
            } catch {
                let fault = error as? SimulatedFault
                throw SimulatedReplayError(change: index + 1, name: change.name, reason: fault.map { "\($0.code): \($0.message)" } ?? "\(error)")
            }
            history.changes.append(change)
        }
    }

    private init(clock: any AWSClock, building record: SimulatedWorldRecord) {
        self.clock = clock
        history = record
        world = SimulatedWorld(now: record.origin, servicesPerEnvironment: record.servicesPerEnvironment,
                               tasksPerService: record.tasksPerService, seed: record.seed)
    }

    /// The world as a record to save: how it was built and every change made to it so far.
    package func record() -> SimulatedWorldRecord {
        lock.withLock { history }
    }

    /// Send requests here; the endpoint host is ignored, the signature's access key decides the account.
    package var transport: any HTTPTransport { SimulatedTransport(fleet: self) }

    // MARK: Test and benchmark controls

    /// Requests received per operation (`ECS.DescribeServices` → n), failed ones included.
    package func callCounts() -> [String: Int] {
        lock.withLock { counts }
    }

    package func resetCallCounts() {
        lock.withLock { counts = [:] }
    }

    /// Makes calls into that environment's account (`dev` … `prod`, or `registry`) fail with `code` and `status`
    /// until cleared; `operation` (`DescribeServices` or `ECS.DescribeServices`) narrows it to one operation.
    package func injectFailure(environment: String, operation: String?, code: String, status: Int) {
        lock.withLock {
            guard let account = world.account(forEnvironment: environment) else { return }
            failures.append(SimulatedFailureRule(account: account, operation: operation, code: code, status: status))
        }
    }

    package func clearFailures() {
        lock.withLock { failures = [] }
    }

    /// Holds every answer for that environment's account for `seconds` of the injected clock.
    package func setLatency(environment: String, seconds: Double) {
        lock.withLock {
            guard let account = world.account(forEnvironment: environment) else { return }
            latencies[account] = seconds > 0 ? seconds : nil
        }
    }

    /// The mean time between out-of-memory crashes of a running task; nil stops crashes (tests want quiet rollouts).
    package func setCrashes(meanSeconds: Double?) {
        lock.withLock { world.settings.crashMeanSeconds = meanSeconds }
    }

    // MARK: Answering

    /// The first half of answering: parse, count, authenticate. Either an answer now, or the call to answer after any latency.
    package func admit(_ request: HTTPRequest) -> SimulatedAdmission {
        lock.withLock {
            let now = clock.now().timeIntervalSince1970
            switch SimulatedCall.parse(request) {
            case .failure(let failure):
                return .answered(response(failure.fault, service: failure.service, now: now))
            case .success(let call):
                counts[call.name, default: 0] += 1
                do {
                    let identity = try authenticate(call, amzDate: request.headers["x-amz-date"] ?? "", now: now)
                    return .admitted(call, identity, delay: latencies[identity.account] ?? 0)
                } catch {
                    return .answered(response(error, service: call.service, now: now))
                }
            }
        }
    }

    /// The second half: bring the caller's account up to now and run the operation.
    package func answer(_ call: SimulatedCall, as identity: SimulatedIdentity) -> HTTPResponse {
        lock.withLock {
            let now = clock.now().timeIntervalSince1970
            do {
                if let rule = failures.first(where: { $0.matches(call, account: identity.account) }) {
                    throw rule.fault(for: call, identity: identity, region: world.region)
                }
                let answer = try perform(call, as: identity, now: now)
                if SimulatedIdentity.writeActions.contains(call.name) {
                    history.changes.append(SimulatedChange(at: now, call: call, identity: identity))
                }
                return answer
            } catch {
                return response(error, service: call.service, now: now)
            }
        }
    }

    /// Brings the caller's account up to `now` and runs the operation; what answering and replaying share.
    private func perform(_ call: SimulatedCall, as identity: SimulatedIdentity, now: Double) throws -> HTTPResponse {
        if let account = world.environmentAccount(identity.account, region: call.region) {
            account.advance(to: now, settings: world.settings)
        }
        let context = SimulatedRequestContext(world: world, call: call, identity: identity, now: now)
        switch call.service.name {
        case AWSServiceDescriptor.sts.name:
            return xmlResponse(try SimulatedSTSAPI.respond(context), now: now)
        case AWSServiceDescriptor.elbv2.name:
            return xmlResponse(try SimulatedELBv2API.respond(context), now: now)
        case AWSServiceDescriptor.ecs.name:
            return jsonResponse(try SimulatedECSAPI.respond(context), now: now)
        case AWSServiceDescriptor.ecr.name:
            return jsonResponse(try SimulatedECRAPI.respond(context), now: now)
        case AWSServiceDescriptor.cloudWatchLogs.name:
            return jsonResponse(try SimulatedLogsAPI.respond(context), now: now)
        case AWSServiceDescriptor.codePipeline.name:
            return jsonResponse(try SimulatedCodePipelineAPI.respond(context), now: now)
        case AWSServiceDescriptor.applicationAutoScaling.name:
            return jsonResponse(try SimulatedApplicationAutoScalingAPI.respond(context), now: now)
        default:
            throw SimulatedFault(code: "UnknownOperationException", message: "")
        }
    }

    /// Who signed the call: a known key, with its session token, not expired, signed within five minutes of now.
    private func authenticate(_ call: SimulatedCall, amzDate: String, now: Double) throws(SimulatedFault) -> SimulatedIdentity {
        let query = call.isQuery
        guard let identity = world.identities[call.accessKeyId], identity.sessionToken == call.sessionToken else {
            throw SimulatedFault(code: query ? "InvalidClientTokenId" : "UnrecognizedClientException",
                                 message: "The security token included in the request is invalid.", status: 403)
        }
        if let expiration = identity.expiration, now >= expiration {
            throw SimulatedFault(code: query ? "ExpiredToken" : "ExpiredTokenException", message: "The security token included in the request is expired",
                                 status: query ? 403 : 400)
        }
        if let signed = SimulatedTime.parseAMZDate(amzDate), abs(signed - now) > 300 {
            throw SimulatedFault(code: query ? "SignatureDoesNotMatch" : "InvalidSignatureException",
                                 message: "Signature expired: \(amzDate) is now earlier than \(SimulatedTime.amzDate(now - 300)) (\(SimulatedTime.amzDate(now)) - 5 min.)",
                                 status: 403)
        }
        return identity
    }

    // MARK: Responses

    private func headers(_ contentType: String, now: Double) -> HTTPHeaders {
        HTTPHeaders([("x-amzn-RequestId", world.nextRequestId()), ("Content-Type", contentType), ("Date", SimulatedTime.httpDate(now))])
    }

    private func jsonResponse(_ body: SimulatedJSON, now: Double) -> HTTPResponse {
        HTTPResponse(status: 200, headers: headers("application/x-amz-json-1.1", now: now), body: body.data)
    }

    private func xmlResponse(_ body: String, now: Double) -> HTTPResponse {
        HTTPResponse(status: 200, headers: headers("text/xml", now: now), body: Data(body.utf8))
    }

    private func response(_ error: any Error, service: AWSServiceDescriptor, now: Double) -> HTTPResponse {
        let fault = error as? SimulatedFault ?? SimulatedFault(code: "InternalFailure", message: "\(error)", status: 500)
        if case .query = service.wireProtocol {
            let headers = headers("text/xml", now: now)
            let body = SimulatedXML.error(fault, namespace: Self.namespace(service), requestId: headers["x-amzn-RequestId"] ?? "")
            return HTTPResponse(status: fault.status, headers: headers, body: Data(body.utf8))
        }
        var headers = headers("application/x-amz-json-1.1", now: now)
        headers.add("x-amzn-ErrorType", fault.code)
        return HTTPResponse(status: fault.status, headers: headers,
                            body: SimulatedJSON.fields(["__type": .string(fault.code), "message": .string(fault.message)]).data)
    }

    /// The XML namespace of a query service's replies.
    package static func namespace(_ service: AWSServiceDescriptor) -> String {
        service == .elbv2 ? "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/" : "https://sts.amazonaws.com/doc/2011-06-15/"
    }
}

/// What `admit` decided: answered already (refused), or admitted to be answered after a delay.
package enum SimulatedAdmission: Sendable {
    case answered(HTTPResponse)
    case admitted(SimulatedCall, SimulatedIdentity, delay: Double)
}
