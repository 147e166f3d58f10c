/// Whole shares for target weights, from a money amount and optionally existing holdings
/// (PyPortfolioOpt's `DiscreteAllocation`, extended to start from holdings as asked in its
/// issue #486).
///
/// The total value is `V = cash + Σ p_i h_i`. With `allowSells`, any `x ≥ 0` shares may result
/// (trades `x − h`); otherwise only buys, `x ≥ h`. Both methods keep `Σ p_i x_i ≤ V`.
///
/// - ``greedy()``: PyPortfolioOpt's `greedy_portfolio`: first `⌊w_i V / p_i⌋` shares in
///   decreasing weight (as far as cash allows), then one share at a time of the affordable
///   asset furthest below its weight, until none is affordable or below weight.
/// - ``exact(nodeLimit:)``: PyPortfolioOpt's `lp_portfolio` objective, solved exactly:
///   minimise `Σ_i |w_i V − p_i x_i| + r` with leftover `r = V − Σ p_i x_i ≥ 0` over integers.
///   Since `Σ w = 1` this equals `2 Σ_i (w_i V − p_i x_i)⁺`: only shortfalls count, so a
///   depth-first branch and bound over `x_i ∈ [lb_i, ⌈w_i V/p_i⌉]` with the bound
///   `shortfall ≥ (remaining shortfall − remaining cash)⁺` proves optimality for portfolios of
///   tens of assets.
public struct DiscreteAllocation: Sendable {
  public let assets: [String]
  public let weights: [Double]
  public let prices: [Double]
  public let cash: Double
  public let holdings: [Int]
  public let allowSells: Bool

  /// - Throws: ``OptimizationError`` for negative weights, non-positive prices or cash < 0.
  public init(assets: [String], weights: [Double], prices: [Double], cash: Double,
              holdings: [Int]? = nil, allowSells: Bool = false) throws {
    let n = assets.count
    guard weights.count == n, prices.count == n else { throw OptimizationError.invalid("expected \(n) weights and prices") }
    if let i = prices.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
      throw OptimizationError.invalid("the price of \(assets[i]) must be positive, found \(prices[i])")
    }
    if let i = weights.firstIndex(where: { !($0 >= -1e-12) }) {
      throw OptimizationError.invalid("discrete allocation needs long-only weights; \(assets[i]) has \(weights[i])")
    }
    guard cash >= 0, cash.isFinite else { throw OptimizationError.invalid("the amount to invest must be ≥ 0, found \(cash)") }
    let h = holdings ?? [Int](repeating: 0, count: n)
    guard h.count == n, h.allSatisfy({ $0 >= 0 }) else { throw OptimizationError.invalid("holdings must be \(n) non-negative share counts") }
    self.assets = assets
    self.weights = weights.map { max($0, 0) }
    self.prices = prices
    self.cash = cash
    self.holdings = h
    self.allowSells = allowSells
  }

  /// `V = cash + Σ p_i h_i`.
  public var totalValue: Double {
    var v = cash
    for i in 0..<assets.count { v += prices[i] * Double(holdings[i]) }
    return v
  }

  var lowerShares: [Int] { allowSells ? [Int](repeating: 0, count: assets.count) : holdings }

  /// PyPortfolioOpt's greedy method (see the type's documentation).
  public func greedy() -> ShareAllocation {
    let n = assets.count, v = totalValue
    var x = lowerShares
    var available = v - spent(x)
    for i in (0..<n).sorted(by: { weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }) {
      let want = max(Int((weights[i] * v / prices[i]).rounded(.down)) - x[i], 0)
      let buy = min(want, Int((available / prices[i]).rounded(.down)))
      x[i] += buy
      available -= Double(buy) * prices[i]
    }
    while true {
      var best = -1
      var bestDeficit = 0.0
      for i in 0..<n where prices[i] <= available {
        let deficit = weights[i] - prices[i] * Double(x[i]) / v
        if deficit > bestDeficit { best = i; bestDeficit = deficit }
      }
      guard best >= 0 else { break }
      x[best] += 1
      available -= prices[best]
    }
    return allocation(x, proven: false)
  }

  func spent(_ x: [Int]) -> Double {
    var s = 0.0
    for i in 0..<x.count { s += prices[i] * Double(x[i]) }
    return s
  }

  func allocation(_ x: [Int], proven: Bool) -> ShareAllocation {
    let v = totalValue
    let leftover = v - spent(x)
    var objective = leftover
    for i in 0..<x.count { objective += abs(weights[i] * v - prices[i] * Double(x[i])) }
    return ShareAllocation(shares: x, trades: (0..<x.count).map { x[$0] - holdings[$0] },
                           leftover: leftover, objective: objective, isProvenOptimal: proven)
  }
}

/// Whole shares and what is left.
public struct ShareAllocation: Sendable, Equatable {
  /// Shares held after the allocation, per asset.
  public var shares: [Int]
  /// `shares − holdings` (negative: sell).
  public var trades: [Int]
  /// Cash left uninvested.
  public var leftover: Double
  /// `Σ |w_i V − p_i x_i| + leftover` (PyPortfolioOpt's `lp_portfolio` objective).
  public var objective: Double
  /// True when branch and bound proved no allocation has a smaller objective.
  public var isProvenOptimal: Bool
}
