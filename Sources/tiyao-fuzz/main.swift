// tiyao-fuzz: seeded mutation fuzzing of decoding, segmentation, structure, patterns
// and summarization, from the corpus.
//
//   swift build -c release --product tiyao-fuzz
//   .build/release/tiyao-fuzz --iterations 1000000 --seed 1 [--corpus corpus] [--templates templates]
//
// Prints progress, the slowest input's time and every broken invariant (the input is
// saved under fuzz-failures/). A hang (one input over --hang-seconds) saves the input
// and exits 2; a crash shows the iteration to replay with --seed and --from.
import Foundation
import TiyaoKit

var options: [String: String] = ["--iterations": "10000", "--seed": "1", "--corpus": "corpus", "--hang-seconds": "20"]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard options[name] != nil || name == "--templates", let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("usage: tiyao-fuzz [--iterations N] [--seed S] [--corpus DIR] [--templates DIR] [--hang-seconds S]\n".utf8))
        exit(64)
    }
    options[name] = value
}
guard let iterations = Int(options["--iterations"]!), let seed = UInt64(options["--seed"]!),
      let hangSeconds = Double(options["--hang-seconds"]!) else {
    FileHandle.standardError.write(Data("tiyao-fuzz: numbers expected\n".utf8))
    exit(64)
}

do {
    let toolkit = try Toolkit(templates: Templates.locate(options["--templates"]))
    let seeds = try FuzzCampaign.seeds(in: URL(fileURLWithPath: options["--corpus"]!))
    var campaign = FuzzCampaign(toolkit: toolkit)
    campaign.checks = FuzzChecks.all(toolkit: toolkit)

    // Watchdog: if one input is still running after --hang-seconds of the watchdog's own
    // ticks, save it and stop. Ticks, not wall time, so a paused process (SIGSTOP) is no hang.
    final class Progress: @unchecked Sendable {
        let lock = NSLock()
        var current: (Int, [UInt8]) = (0, [])
        func set(_ value: (Int, [UInt8])) { lock.lock(); current = value; lock.unlock() }
        func get() -> (Int, [UInt8]) { lock.lock(); defer { lock.unlock() }; return current }
    }
    let progress = Progress()
    Thread.detachNewThread {
        var last = -1, ticks = 0
        while true {
            Thread.sleep(forTimeInterval: 1)
            let (iteration, input) = progress.get()
            if iteration != last { last = iteration; ticks = 0; continue }
            ticks += 1
            if Double(ticks) > hangSeconds {
                try? Data(input).write(to: URL(fileURLWithPath: "fuzz-hang-\(seed)-\(iteration).bin"))
                FileHandle.standardError.write(Data("tiyao-fuzz: HANG at iteration \(iteration) (seed \(seed)); input saved to fuzz-hang-\(seed)-\(iteration).bin\n".utf8))
                exit(2)
            }
        }
    }
    let result = campaign.run(iterations: iterations, seed: seed, seeds: seeds) { iteration, input in
        progress.set((iteration, input))
        if iteration % 100_000 == 0, iteration > 0 {
            FileHandle.standardError.write(Data("tiyao-fuzz: \(iteration) iterations\n".utf8))
        }
    } onFailure: { failure in
        FileHandle.standardError.write(Data("tiyao-fuzz: iteration \(failure.iteration): \(failure.message)\n".utf8))
    }
    if !result.failures.isEmpty {
        try? FileManager.default.createDirectory(atPath: "fuzz-failures", withIntermediateDirectories: true)
        for failure in result.failures.prefix(50) {
            try? Data(failure.input).write(to: URL(fileURLWithPath: "fuzz-failures/\(seed)-\(failure.iteration).bin"))
            print("iteration \(failure.iteration): \(failure.message)")
        }
    }
    print(String(format: "%d iterations (%d decoded, %d rejected as undecodable) in %.1f s; slowest input %.3f s; %d invariant violations",
                 result.iterations, result.decoded, result.rejected, result.seconds, result.slowestSeconds, result.failures.count))
    exit(result.failures.isEmpty ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("tiyao-fuzz: \(error)\n".utf8))
    exit(3)
}
