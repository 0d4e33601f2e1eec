import Foundation

/// One log line of a stream (GetLogEvents).
public struct CloudWatchLogEvent: Sendable, Equatable, Codable {
    public var timestamp: Date?
    public var message: String?
    public var ingestionTime: Date?

    public init(timestamp: Date? = nil, message: String? = nil, ingestionTime: Date? = nil) {
        self.timestamp = timestamp
        self.message = message
        self.ingestionTime = ingestionTime
    }
}

/// One matching log line of a group, with the stream it came from (FilterLogEvents).
public struct CloudWatchFilteredLogEvent: Sendable, Equatable, Codable {
    public var logStreamName: String?
    public var eventId: String?
    public var timestamp: Date?
    public var message: String?
    public var ingestionTime: Date?

    public init(
        logStreamName: String? = nil, eventId: String? = nil, timestamp: Date? = nil, message: String? = nil,
        ingestionTime: Date? = nil
    ) {
        self.logStreamName = logStreamName
        self.eventId = eventId
        self.timestamp = timestamp
        self.message = message
        self.ingestionTime = ingestionTime
    }
}

/// A log stream of a group, with the times of its first and last events.
public struct CloudWatchLogStream: Sendable, Equatable, Codable {
    public var logStreamName: String?
    public var arn: String?
    public var creationTime: Date?
    public var firstEventTimestamp: Date?
    public var lastEventTimestamp: Date?
    public var lastIngestionTime: Date?

    public init(
        logStreamName: String? = nil, arn: String? = nil, creationTime: Date? = nil,
        firstEventTimestamp: Date? = nil, lastEventTimestamp: Date? = nil, lastIngestionTime: Date? = nil
    ) {
        self.logStreamName = logStreamName
        self.arn = arn
        self.creationTime = creationTime
        self.firstEventTimestamp = firstEventTimestamp
        self.lastEventTimestamp = lastEventTimestamp
        self.lastIngestionTime = lastIngestionTime
    }
}

/// One page of GetLogEvents, with the tokens to read on in either direction.
public struct CloudWatchLogEventsPage: Sendable, Equatable {
    public var events: [CloudWatchLogEvent]
    public var nextForwardToken: String?
    public var nextBackwardToken: String?
    /// True when the forward token came back unchanged: the reader is at the end of the stream for now
    /// (GetLogEvents signals the end this way, not with an error or a missing token).
    public var caughtUp: Bool

    public init(events: [CloudWatchLogEvent] = [], nextForwardToken: String? = nil, nextBackwardToken: String? = nil, caughtUp: Bool = false) {
        self.events = events
        self.nextForwardToken = nextForwardToken
        self.nextBackwardToken = nextBackwardToken
        self.caughtUp = caughtUp
    }
}

/// The inputs of GetLogEvents: one stream, from a token or a start time.
public struct CloudWatchGetLogEventsRequest: Sendable, Equatable {
    public var logGroupName: String
    public var logStreamName: String
    /// Read oldest first when there is no token (AWS starts from the newest by default).
    public var startFromHead: Bool?
    public var nextToken: String?
    public var limit: Int?
    public var startTime: Date?
    public var endTime: Date?

    public init(logGroupName: String, logStreamName: String, startFromHead: Bool? = nil, nextToken: String? = nil, limit: Int? = nil,
                startTime: Date? = nil, endTime: Date? = nil) {
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.startFromHead = startFromHead
        self.nextToken = nextToken
        self.limit = limit
        self.startTime = startTime
        self.endTime = endTime
    }
}

/// The inputs of FilterLogEvents: a group, optionally some of its streams, a pattern and a time range.
public struct CloudWatchFilterLogEventsRequest: Sendable, Equatable {
    public var logGroupName: String
    public var logStreamNames: [String]?
    public var filterPattern: String?
    public var startTime: Date?
    public var endTime: Date?
    /// Stop following pages once at least this many events are in; nil reads every page.
    public var maxEvents: Int?

    public init(logGroupName: String, logStreamNames: [String]? = nil, filterPattern: String? = nil, startTime: Date? = nil,
                endTime: Date? = nil, maxEvents: Int? = nil) {
        self.logGroupName = logGroupName
        self.logStreamNames = logStreamNames
        self.filterPattern = filterPattern
        self.startTime = startTime
        self.endTime = endTime
        self.maxEvents = maxEvents
    }
}

/// How DescribeLogStreams sorts streams.
public enum CloudWatchLogStreamOrder: String, Sendable, Equatable {
    case logStreamName = "LogStreamName"
    /// Newest activity first with `descending`; AWS rejects it together with a name prefix.
    case lastEventTime = "LastEventTime"
}
