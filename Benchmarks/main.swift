import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

// ecsdash-bench: prints one JSON line per figure. Run with `swift run -c release ecsdash-bench [filter]`;
// the filter picks benchmarks whose name contains it: sigv4, decode, calls, fleet, frame, keypress, idle, promotion.
// keypress and idle drive the `ecsdash` built next to this binary (or ECSDASH_BIN) in tmux;
// ECSDASH_BENCH_IDLE_SECONDS shortens idle's 60 s window.
// `ecsdash-bench soak [--minutes N]` (default 2) runs only the fault soak: the pollers through the chaos proxy;
// `ecsdash-bench hang` only the dashboard's CPU with every environment healthy, then with one hanging.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "soak" || arguments.first == "hang" {
    for line in await ChaosCommand.lines(arguments: arguments) { print(line) }
} else {
    let filter = arguments.first
    for benchmark in BenchmarkSuite.all where filter == nil || benchmark.name.contains(filter!) {
        for line in await benchmark.lines() {
            print(line)
        }
    }
}
