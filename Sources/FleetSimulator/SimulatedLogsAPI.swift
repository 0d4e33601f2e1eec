import Foundation

/// CloudWatch Logs over JSON 1.1: each service's log group and its tasks' streams, lines made up on demand.
package enum SimulatedLogsAPI {
    package static func respond(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        switch context.call.operation {
        case "GetLogEvents": return try getLogEvents(context)
        case "FilterLogEvents": return try filterLogEvents(context)
        case "DescribeLogStreams": return try describeLogStreams(context)
        default: throw SimulatedFault(code: "UnknownOperationException", message: "")
        }
    }

    /// The service whose awslogs group is `/ecs/<cluster>/<service>`.
    private static func group(_ context: SimulatedRequestContext) throws(SimulatedFault) -> (name: String, service: SimulatedService) {
        let name = try context.string("logGroupName")
        let prefix = "/ecs/\(context.account?.place.clusterName ?? "")/"
        guard let account = context.account, name.hasPrefix(prefix), let service = account.service(String(name.dropFirst(prefix.count))) else {
            throw SimulatedFault(code: "ResourceNotFoundException", message: "The specified log group does not exist.")
        }
        return (name, service)
    }

    private static func milliseconds(_ context: SimulatedRequestContext, _ key: String) throws(SimulatedFault) -> Double? {
        try context.optionalInt(key).map { Double($0) / 1000 }
    }

    /// AWS's stream tokens: `f/` or `b/` and a 56-digit position.
    private static func token(_ direction: String, _ index: Int) -> String {
        let digits = String(index)
        return direction + "/" + String(repeating: "0", count: 56 - digits.count) + digits
    }

    private static func event(_ stream: SimulatedLogStream, _ index: Int, now: Double) -> SimulatedJSON {
        let time = stream.timestamp(index, at: now)
        return .fields([
            "timestamp": SimulatedJSON.milliseconds(time),
            "message": .string(stream.message(index, at: now)),
            "ingestionTime": SimulatedJSON.milliseconds(time + 0.3),
        ])
    }

    private static func getLogEvents(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let group = try group(context)
        let name = try context.string("logStreamName")
        guard let stream = group.service.streams.first(where: { $0.name == name }) else {
            throw SimulatedFault(code: "ResourceNotFoundException", message: "The specified log stream does not exist.")
        }
        let limit = try context.pageSize("limit", default: 10_000, limit: 10_000)
        let now = context.now
        let count = stream.count(at: now)
        var range: Range<Int>
        if let tokenText = try context.optionalString("nextToken") {
            guard tokenText.count == 58, let position = Int(tokenText.dropFirst(2)), position >= 0, position <= count,
                  tokenText.hasPrefix("f/") || tokenText.hasPrefix("b/") else {
                throw .invalidParameter("The specified nextToken is invalid.")
            }
            range = tokenText.hasPrefix("f/") ? position..<min(count, position + limit) : max(0, position - limit)..<position
        } else {
            let start = try milliseconds(context, "startTime").map { stream.firstIndex(atOrAfter: $0, count: count, at: now) } ?? 0
            let end = try milliseconds(context, "endTime").map { stream.firstIndex(atOrAfter: $0, count: count, at: now) } ?? count
            let window = start..<max(start, end)
            let fromHead = try context.optionalBool("startFromHead") ?? false
            range = fromHead ? window.lowerBound..<min(window.upperBound, window.lowerBound + limit)
                : max(window.lowerBound, window.upperBound - limit)..<window.upperBound
        }
        return .fields([
            "events": .array(range.map { event(stream, $0, now: now) }),
            "nextForwardToken": .string(token("f", range.upperBound)),
            "nextBackwardToken": .string(token("b", range.lowerBound)),
        ])
    }

    /// Terms of a filter pattern: all plain terms must appear; any `?term` may.
    private static func matches(_ message: String, pattern: String?) -> Bool {
        guard let pattern, !pattern.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        let terms = pattern.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let optional = terms.filter { $0.hasPrefix("?") }.map { String($0.dropFirst()) }
        let required = terms.filter { !$0.hasPrefix("?") && !$0.isEmpty }
        return required.allSatisfy { message.contains($0) } && (optional.isEmpty || optional.contains { message.contains($0) })
    }

    private static func filterLogEvents(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let group = try group(context)
        let limit = try context.pageSize("limit", default: 10_000, limit: 10_000)
        let names = try context.optionalStrings("logStreamNames")
        let prefix = try context.optionalString("logStreamNamePrefix")
        let pattern = try context.optionalString("filterPattern")
        let now = context.now
        let start = try milliseconds(context, "startTime") ?? 0
        let end = try milliseconds(context, "endTime") ?? now
        let skip = try SimulatedRequestContext.offset(fromToken: try context.optionalString("nextToken"))
        let streams = group.service.streams.filter { stream in
            (names.map { $0.contains(stream.name) } ?? true) && (prefix.map { stream.name.hasPrefix($0) } ?? true)
        }
        // Merge the streams in time order; a cursor per stream keeps this linear in the events returned.
        var cursors = streams.map { stream -> (index: Int, count: Int) in
            let count = stream.count(at: now)
            return (stream.firstIndex(atOrAfter: start, count: count, at: now), count)
        }
        var events: [SimulatedJSON] = []
        var position = 0
        var scanned = 0
        while events.count < limit, scanned < 100_000 {
            var best = -1
            var bestTime = Double.infinity
            for (slot, cursor) in cursors.enumerated() where cursor.index < cursor.count {
                let time = streams[slot].timestamp(cursor.index, at: now)
                if time < bestTime { bestTime = time; best = slot }
            }
            guard best >= 0, bestTime <= end else { break }
            let stream = streams[best]
            let index = cursors[best].index
            cursors[best].index += 1
            scanned += 1
            let message = stream.message(index, at: now)
            guard matches(message, pattern: pattern) else { continue }
            position += 1
            guard position > skip else { continue }
            events.append(.fields([
                "logStreamName": .string(stream.name),
                "timestamp": SimulatedJSON.milliseconds(bestTime),
                "message": .string(message),
                "ingestionTime": SimulatedJSON.milliseconds(bestTime + 0.3),
                "eventId": .string(SimulatedRandom.digits(SimulatedRandom.hash(UInt64(index), stream.taskId), count: 56)),
            ]))
        }
        let more = events.count == limit || scanned >= 100_000
        return .fields(["events": .array(events), "nextToken": more ? .string(SimulatedRequestContext.token(offset: position)) : nil])
    }

    private static func describeLogStreams(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let group = try group(context)
        let limit = try context.pageSize("limit", default: 50, limit: 50)
        let prefix = try context.optionalString("logStreamNamePrefix")
        let order = try context.optionalString("orderBy") ?? "LogStreamName"
        if order == "LastEventTime", prefix != nil {
            throw .invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.")
        }
        let descending = try context.optionalBool("descending") ?? false
        let now = context.now
        var streams = group.service.streams.filter { stream in prefix.map { stream.name.hasPrefix($0) } ?? true }
        if order == "LastEventTime" {
            streams.sort { lastEvent($0, now) < lastEvent($1, now) }
        } else {
            streams.sort { $0.name < $1.name }
        }
        if descending { streams.reverse() }
        let page = try context.page(streams, size: limit)
        let region = context.call.region
        let account = context.identity.account
        let items = page.items.map { stream -> SimulatedJSON in
            let count = stream.count(at: now)
            return .fields([
                "logStreamName": .string(stream.name),
                "creationTime": SimulatedJSON.milliseconds(stream.startedAt),
                "firstEventTimestamp": count > 0 ? SimulatedJSON.milliseconds(stream.timestamp(0, at: now)) : nil,
                "lastEventTimestamp": count > 0 ? SimulatedJSON.milliseconds(stream.timestamp(count - 1, at: now)) : nil,
                "lastIngestionTime": count > 0 ? SimulatedJSON.milliseconds(stream.timestamp(count - 1, at: now) + 0.3) : nil,
                "uploadSequenceToken": .string(SimulatedRandom.digits(SimulatedRandom.hash(UInt64(count), stream.taskId), count: 56)),
                "arn": .string("arn:aws:logs:\(region):\(account):log-group:\(group.name):log-stream:\(stream.name)"),
                "storedBytes": .int(0),
            ])
        }
        return .fields(["logStreams": .array(items), "nextToken": SimulatedJSON.text(page.next)])
    }

    private static func lastEvent(_ stream: SimulatedLogStream, _ now: Double) -> Double {
        let count = stream.count(at: now)
        return count > 0 ? stream.timestamp(count - 1, at: now) : stream.startedAt
    }
}
