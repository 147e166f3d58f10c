/// Everything the kernel reads that is shared by all lanes and all batches of one run.
struct KernelInput: Sendable {
  let rows: Int
  let assets: Int
  let growth: [Double]
  let targets: [Double]
  let riskFree: [Double]
  let benchmark: [Double]
  /// Cost per unit of traded value (`bps / 10_000`).
  let costRate: Double
  let initialValue: Double
  let flows: FlowRows?
  /// Shifts for the running sums of returns and excess returns (the mean of the target mix's
  /// returns and excess returns), which keep the one-pass variances accurate.
  let shiftR: Double
  let shiftX: Double
  /// Every target is the same (an equal-weight portfolio).
  let equalTargets: Bool

  init(data: BacktestData, costBasisPoints: Double, initialValue: Double, flows: FlowRows?) {
    rows = data.rowCount
    assets = data.assetCount
    growth = data.growth
    targets = data.targets
    riskFree = data.riskFree
    benchmark = data.benchmark
    costRate = costBasisPoints / 10_000
    self.initialValue = initialValue
    self.flows = flows
    let m = Double(data.periods)
    var sb = 0.0
    var sx = 0.0
    for t in 1..<data.rowCount {
      sb += data.benchmark[t]
      sx += data.benchmark[t] - data.riskFree[t]
    }
    equalTargets = data.targets.allSatisfy { $0 == data.targets[0] }
    shiftR = sb / m
    shiftX = sx / m
  }
}

/// Cash flows per row: `amount[t] + fraction[t] × value` is added on rows where `active[t]`.
struct FlowRows: Sendable {
  var amount: [Double]
  var fraction: [Double]
  var active: [Bool]
}

/// What the kernel accumulates per lane in its single pass.
struct LaneTotals {
  var value: Lanes
  var nav = Lanes(repeating: 1)
  var units: Lanes
  var sumR = Lanes.zero
  var sumR2 = Lanes.zero
  var sumX = Lanes.zero
  var sumX2 = Lanes.zero
  var sumDown2 = Lanes.zero
  var sumE = Lanes.zero
  var sumE2 = Lanes.zero
  var peak = Lanes(repeating: 1)
  var maxDrawdown = Lanes.zero
  var turnover = Lanes.zero
  var costs = Lanes.zero
  var drift = Lanes.zero
  var rebalances = Lanes.zero
  var netFlows = Lanes.zero
  /// Recorded when asked: `values[t * 8 + lane]`, `weights[(t * k + a) * 8 + lane]`.
  var values: [Double] = []
  var weights: [Double] = []
  /// Recorded when asked: bit `lane` of `traded[t]` is set when that lane traded on row `t`.
  var traded: [UInt8] = []

  init(initialValue: Double) {
    value = Lanes(repeating: initialValue)
    units = Lanes(repeating: initialValue)
  }
}
