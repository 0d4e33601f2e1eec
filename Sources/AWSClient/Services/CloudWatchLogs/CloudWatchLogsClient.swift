import Foundation

/// Amazon CloudWatch Logs over the JSON 1.1 protocol: tailing a stream, searching a group, finding streams.
public struct CloudWatchLogsClient: Sendable {
    public let client: AWSServiceClient

    /// The largest page DescribeLogStreams serves.
    static let streamsPerPage = 50

    public init(context: AWSClientContext) {
        client = AWSServiceClient(service: .cloudWatchLogs, context: context)
    }

    /// One page of a stream. To tail, call again with `nextForwardToken`; `caughtUp` says the stream had nothing more.
    public func getLogEvents(_ request: CloudWatchGetLogEventsRequest) async throws -> CloudWatchLogEventsPage {
        let input = CloudWatchLogsGetLogEventsInput(
            logGroupName: request.logGroupName, logStreamName: request.logStreamName, startFromHead: request.startFromHead,
            nextToken: request.nextToken, limit: request.limit, startTime: request.startTime.map(Self.milliseconds),
            endTime: request.endTime.map(Self.milliseconds))
        let output: CloudWatchLogsGetLogEventsOutput = try await client.json("GetLogEvents", input)
        let caughtUp = output.nextForwardToken == nil || (request.nextToken != nil && output.nextForwardToken == request.nextToken)
        return CloudWatchLogEventsPage(events: output.events ?? [], nextForwardToken: output.nextForwardToken,
                                       nextBackwardToken: output.nextBackwardToken, caughtUp: caughtUp)
    }

    /// Matching events of a group, following pages to the end (or until `maxEvents` are in).
    public func filterLogEvents(_ request: CloudWatchFilterLogEventsRequest) async throws -> [CloudWatchFilteredLogEvent] {
        var collected = 0
        let events = try await Paginator.collect { token in
            let input = CloudWatchLogsFilterLogEventsInput(
                logGroupName: request.logGroupName, logStreamNames: request.logStreamNames, filterPattern: request.filterPattern,
                startTime: request.startTime.map(Self.milliseconds), endTime: request.endTime.map(Self.milliseconds), nextToken: token)
            let page: CloudWatchLogsFilterLogEventsOutput = try await client.json("FilterLogEvents", input)
            collected += page.events?.count ?? 0
            return (page.events ?? [], Self.enough(collected, request.maxEvents) ? nil : page.nextToken)
        }
        return request.maxEvents.map { Array(events.prefix($0)) } ?? events
    }

    /// Streams of a group, following pages to the end (or until `maxStreams` are in). Sorted by
    /// `orderBy`; AWS rejects `.lastEventTime` together with a name prefix.
    public func describeLogStreams(logGroupName: String, logStreamNamePrefix: String? = nil, orderBy: CloudWatchLogStreamOrder? = nil,
                                   descending: Bool? = nil, maxStreams: Int? = nil) async throws -> [CloudWatchLogStream] {
        var collected = 0
        let streams = try await Paginator.collect { token in
            let input = CloudWatchLogsDescribeLogStreamsInput(
                logGroupName: logGroupName, logStreamNamePrefix: logStreamNamePrefix, orderBy: orderBy?.rawValue, descending: descending,
                nextToken: token, limit: max(1, min(maxStreams ?? Self.streamsPerPage, Self.streamsPerPage)))
            let page: CloudWatchLogsDescribeLogStreamsOutput = try await client.json("DescribeLogStreams", input)
            collected += page.logStreams?.count ?? 0
            return (page.logStreams ?? [], Self.enough(collected, maxStreams) ? nil : page.nextToken)
        }
        return maxStreams.map { Array(streams.prefix($0)) } ?? streams
    }

    /// A date as CloudWatch Logs takes it: whole epoch milliseconds.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    private static func enough(_ collected: Int, _ wanted: Int?) -> Bool {
        wanted.map { collected >= $0 } ?? false
    }
}
