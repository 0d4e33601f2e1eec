import Foundation

// The request and reply envelopes of the CloudWatch Logs operations, as sent on the wire. Times go
// out as epoch milliseconds, which is why the public request types are not encoded directly.

/// GetLogEvents' request, times in epoch milliseconds.
struct CloudWatchLogsGetLogEventsInput: Encodable {
    var logGroupName: String
    var logStreamName: String
    var startFromHead: Bool?
    var nextToken: String?
    var limit: Int?
    var startTime: Int64?
    var endTime: Int64?
}

/// GetLogEvents' reply.
struct CloudWatchLogsGetLogEventsOutput: Decodable {
    var events: [CloudWatchLogEvent]?
    var nextForwardToken: String?
    var nextBackwardToken: String?
}

/// FilterLogEvents' request, times in epoch milliseconds.
struct CloudWatchLogsFilterLogEventsInput: Encodable {
    var logGroupName: String
    var logStreamNames: [String]?
    var filterPattern: String?
    var startTime: Int64?
    var endTime: Int64?
    var nextToken: String?
}

/// FilterLogEvents' reply.
struct CloudWatchLogsFilterLogEventsOutput: Decodable {
    var events: [CloudWatchFilteredLogEvent]?
    var nextToken: String?
}

/// DescribeLogStreams' request.
struct CloudWatchLogsDescribeLogStreamsInput: Encodable {
    var logGroupName: String
    var logStreamNamePrefix: String?
    var orderBy: String?
    var descending: Bool?
    var nextToken: String?
    var limit: Int?
}

/// DescribeLogStreams' reply.
struct CloudWatchLogsDescribeLogStreamsOutput: Decodable {
    var logStreams: [CloudWatchLogStream]?
    var nextToken: String?
}
