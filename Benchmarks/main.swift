import Foundation

// ecsdash-bench: prints one JSON line per figure. Run with `swift run -c release ecsdash-bench [filter]`.
let filter = CommandLine.arguments.dropFirst().first
for benchmark in BenchmarkSuite.all where filter == nil || benchmark.name.contains(filter!) {
    for figure in benchmark.run() {
        print(figure.jsonLine)
    }
}
