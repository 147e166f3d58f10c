import ArgumentParser
import BallastCore
import BallastTestSupport
import Foundation
import Synchronization

/// `ballast bench plan`: the planner's speed on seeded households of fixed shape.
struct BenchPlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Plan 10-account, 100-security households of 2,000 and 5,000 lots, and a batch of small households on all cores.",
    discussion: """
      Build with 'swift build -c release' first: debug builds are 10-50x slower.

      Examples:
        swift build -c release && .build/release/ballast bench plan
      """)

  @Option(help: "Repetitions of the large household.")
  var repeats = 200

  @Option(help: "Small households (3 accounts, 8 securities, 40 lots) in the batch.")
  var batch = 1_000_000

  @Option(help: "Only this batch mode: naive (tax-aware with the naive comparison), tax (without it) or notax.")
  var only: String?

  @Flag(help: "Also print a digest of every batch plan (its full description, in index order), to confirm that a change of speed changes no plan. Slower; the times then count it.")
  var checksum = false

  func validate() throws {
    guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1 (found \(repeats))") }
    guard batch >= 1 else { throw ValidationError("--batch must be at least 1 (found \(batch))") }
    if let only, !["naive", "tax", "notax"].contains(only) {
      throw ValidationError("--only must be naive, tax or notax (found '\(only)')")
    }
  }

  func run() throws {
    let clock = ContinuousClock()
    // Large households: 10 accounts, 100 securities, 8 classes, 2,000 and 5,000 lots (tax-aware).
    for lotCount in [2_000, 5_000] {
      var g = SeededGenerator(seed: 42)
      let large = RandomHousehold(accounts: 10, securities: 100, assetClasses: 8, lots: lotCount).make(using: &g)
      let lots = large.accounts.flatMap(\.holdings).reduce(0) { $0 + $1.lots.count }
      var samples: [Double] = []
      var trades = 0
      for _ in 0..<repeats {
        let start = clock.now
        let plan = try HouseholdPlanner().plan(large)
        samples.append(Self.ms(clock.now - start))
        trades = plan.trades.count
      }
      samples.sort()
      print("large household (10 accounts, 100 securities, \(lots) lots): median \(Self.f(samples[samples.count / 2])) ms, p90 \(Self.f(samples[samples.count * 9 / 10])) ms, \(trades) trades")
    }

    // The batch: distinct households from per-index seeds, made (and timed) apart from the
    // planning, a slice at a time so that a million never sit in memory at once.
    let shape = RandomHousehold(accounts: 3, securities: 8, assetClasses: 4, lots: 40)
    let slice = min(batch, 100_000)
    for (mode, label, request) in [
      ("naive", "tax-aware, with the naive-plan comparison", PlanRequest()),
      ("tax", "tax-aware, without the naive-plan comparison", PlanRequest(compareWithNaivePlan: false)),
      ("notax", "ignoring taxes (--no-tax)", PlanRequest(ignoreTaxes: true)),
    ] where only == nil || only == mode {
      let planned = Atomic<Int>(0)
      let failed = Atomic<Int>(0)
      var digest = Self.fnvOffset
      var planning = Duration.zero
      var generation = Duration.zero
      for first in stride(from: 0, to: batch, by: slice) {
        let count = min(slice, batch - first)
        var start = clock.now
        let households = Self.make(count: count, first: first, shape: shape)
        generation += clock.now - start
        start = clock.now
        let digests = Mutex<[UInt64]>(Array(repeating: 0, count: checksum ? count : 0))
        let checksum = checksum
        HouseholdPlanner().planBatch(count: count, request: request, input: { households[$0] }) { i, result in
          switch result {
          case .success: planned.add(1, ordering: .relaxed)
          case .failure: failed.add(1, ordering: .relaxed)
          }
          if checksum {
            let d = Self.fnv(String(describing: result))
            digests.withLock { $0[i] = d }
          }
        }
        planning += clock.now - start
        // The made households are freed here, after the clock stops, as they were made before
        // it started (without this, Swift may free them inside the timed span).
        withExtendedLifetime(households) {}
        for d in digests.withLock({ $0 }) { digest = (digest ^ d) &* Self.fnvPrime }
      }
      let seconds = Self.ms(planning) / 1000
      print("batch of \(batch) small households, \(label), \(ProcessInfo.processInfo.activeProcessorCount) cores: planned in \(Self.f(seconds)) s, \(Self.f(Double(batch) / seconds)) households/s (made beforehand in \(Self.f(Self.ms(generation) / 1000)) s, not counted); \(planned.load(ordering: .relaxed)) planned, \(failed.load(ordering: .relaxed)) refused")
      if checksum { print("digest of the \(mode) plans: \(String(digest, radix: 16))") }
    }
  }

  /// Households `first..<first+count`, each from its own seed, made on every core.
  static func make(count: Int, first: Int, shape: RandomHousehold) -> [Household] {
    let parts = 64
    let made = Mutex<[[Household]]>(Array(repeating: [], count: parts))
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var list: [Household] = []
      for i in (count * part / parts)..<(count * (part + 1) / parts) {
        var g = SeededGenerator(seed: UInt64(first + i))
        list.append(shape.make(using: &g))
      }
      made.withLock { $0[part] = list }
    }
    return made.withLock { $0.flatMap { $0 } }
  }

  static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let fnvPrime: UInt64 = 0x100_0000_01b3

  /// FNV-1a of the text's UTF-8: a digest that, unlike `Hasher`, is the same in every run.
  static func fnv(_ text: String) -> UInt64 {
    var h = fnvOffset
    for byte in text.utf8 { h = (h ^ UInt64(byte)) &* fnvPrime }
    return h
  }

  static func ms(_ d: Duration) -> Double {
    let (s, a) = d.components
    return Double(s) * 1e3 + Double(a) / 1e15
  }

  static func f(_ v: Double) -> String { String(format: "%.3f", v) }
}
