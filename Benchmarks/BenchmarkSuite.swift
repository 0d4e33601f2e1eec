/// Every benchmark ecsdash-bench knows, in the order it prints them.
enum BenchmarkSuite {
    static let all: [Benchmark] = [SigningBenchmark.benchmark, DecodingBenchmark.benchmark]
}
