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

    // The batch: households made on demand from per-index seeds.
    let shape = RandomHousehold(accounts: 3, securities: 8, assetClasses: 4, lots: 40)
    let make: @Sendable (Int) -> Household = { i in
      var g = SeededGenerator(seed: UInt64(i))
      return shape.make(using: &g)
    }
    let made = Atomic<Int>(0)
    var start = clock.now
    DispatchQueue.concurrentPerform(iterations: 64) { part in
      for i in (batch * part / 64)..<(batch * (part + 1) / 64) { made.add(make(i).accounts.count, ordering: .relaxed) }
    }
    let generation = clock.now - start
    for (mode, label, request) in [
      ("naive", "tax-aware, with the naive-plan comparison", PlanRequest()),
      ("tax", "tax-aware, without the naive-plan comparison", PlanRequest(compareWithNaivePlan: false)),
      ("notax", "ignoring taxes (--no-tax)", PlanRequest(ignoreTaxes: true)),
    ] where only == nil || only == mode {
      let planned = Atomic<Int>(0)
      let failed = Atomic<Int>(0)
      start = clock.now
      HouseholdPlanner().planBatch(count: batch, request: request, input: make) { _, result in
        switch result {
        case .success: planned.add(1, ordering: .relaxed)
        case .failure: failed.add(1, ordering: .relaxed)
        }
      }
      let seconds = Self.ms(clock.now - start) / 1000
      print("batch of \(batch) small households, \(label), \(ProcessInfo.processInfo.activeProcessorCount) cores: \(Self.f(seconds)) s including generation (\(Self.f(Self.ms(generation) / 1000)) s of it), \(Self.f(Double(batch) / seconds)) households/s; \(planned.load(ordering: .relaxed)) planned, \(failed.load(ordering: .relaxed)) refused")
    }
  }

  static func ms(_ d: Duration) -> Double {
    let (s, a) = d.components
    return Double(s) * 1e3 + Double(a) / 1e15
  }

  static func f(_ v: Double) -> String { String(format: "%.3f", v) }
}
