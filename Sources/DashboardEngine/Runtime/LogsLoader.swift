import AWSClient
import DashboardModel
import Foundation

/// Reads what the logs pane shows through the typed CloudWatch Logs client: one task's stream (GetLogEvents), or the
/// streams of a service's running tasks merged by time (FilterLogEvents).
package struct LogsLoader: Sendable {
    /// How far back the first read of a pane goes.
    package static let firstLook: TimeInterval = 3600
    /// At most this many streams go into one FilterLogEvents call (its limit).
    package static let streamsPerFilter = 100

    let clock: any AWSClock

    package init(clock: any AWSClock) {
        self.clock = clock
    }

    /// The `logsLoaded` event for `target`, or nil when there is no such environment or service to read.
    package func load(_ target: LogsTarget, since: Int64?, service: ServiceSnapshot?, context: AWSClientContext?) async -> AppEvent? {
        guard let context, let service else { return nil }
        guard let settings = service.logs else {
            return .logsLoaded(target: target, lines: [], error: "\(target.service) does not log with the awslogs driver; nothing to show")
        }
        let client = CloudWatchLogsClient(context: context)
        let start = Self.startTime(since: since, now: clock.now())
        do {
            let lines: [LogLine]
            if let taskId = target.taskId, let stream = settings.stream(forTask: taskId) {
                let page = try await client.getLogEvents(Self.streamRequest(settings.group, stream: stream, start: start, following: since != nil))
                lines = Self.lines(page, stream: stream, start: start)
            } else {
                let streams = service.runningTasks.compactMap { settings.stream(forTask: $0.id) }
                lines = Self.lines(try await client.filterLogEvents(Self.groupRequest(settings.group, streams: streams, start: start)), start: start)
            }
            return .logsLoaded(target: target, lines: lines, error: nil)
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return .logsLoaded(target: target, lines: [], error: Self.missing(target, settings: settings, service: service, now: clock.now()))
        } catch {
            return .logsLoaded(target: target, lines: [], error: ErrorReport.describe(error, action: "logs:FilterLogEvents / logs:GetLogEvents"))
        }
    }

    /// A stream or group CloudWatch does not have, in words: a stopped task's stream may never have been written (it
    /// stopped before its container started) or has aged out of the group's retention.
    package static func missing(_ target: LogsTarget, settings: LogSettings, service: ServiceSnapshot, now: Date) -> String {
        guard let taskId = target.taskId else {
            return "log group \(settings.group) does not exist in this account and region (yet): nothing has logged to it"
        }
        let task = service.tasks.first { $0.id == taskId }
        let stopped = task?.stoppedAt.map { " stopped \(Age.format(now.timeIntervalSince($0))) ago and" } ?? ""
        return "task \(taskId.prefix(8))\(stopped) has no log stream in \(settings.group): it never started writing one, or it has "
            + "expired with the group's retention"
    }

    /// Just after the newest line already shown (`since`, epoch ms), or an hour back for a pane just opened.
    package static func startTime(since: Int64?, now: Date) -> Date {
        since.map { Date(timeIntervalSince1970: Double($0 + 1) / 1000) } ?? now.addingTimeInterval(-firstLook)
    }

    /// One stream's page; following on from shown lines reads oldest first so nothing in between is skipped.
    package static func streamRequest(_ group: String, stream: String, start: Date, following: Bool) -> CloudWatchGetLogEventsRequest {
        CloudWatchGetLogEventsRequest(logGroupName: group, logStreamName: stream, startFromHead: following, limit: 500, startTime: start)
    }

    /// The group's events, narrowed to the running tasks' streams when there are any.
    package static func groupRequest(_ group: String, streams: [String], start: Date) -> CloudWatchFilterLogEventsRequest {
        let named = Array(streams.prefix(streamsPerFilter))
        return CloudWatchFilterLogEventsRequest(logGroupName: group, logStreamNames: named.isEmpty ? nil : named, startTime: start, maxEvents: 1000)
    }

    package static func lines(_ page: CloudWatchLogEventsPage, stream: String, start: Date) -> [LogLine] {
        page.events.map { LogLine(timestamp: $0.timestamp ?? start, stream: stream, message: $0.message ?? "") }
    }

    /// Lines of several streams, oldest first.
    package static func lines(_ events: [CloudWatchFilteredLogEvent], start: Date) -> [LogLine] {
        events.map { LogLine(timestamp: $0.timestamp ?? start, stream: $0.logStreamName ?? "", message: $0.message ?? "") }
            .sorted { $0.timestamp < $1.timestamp }
    }
}
