/// How one taxable holding may be sold: its lots in the order the plan sells them, with what
/// each dollar raised costs in tax, and which lots may not be sold at all.
///
/// The planner gives the solver one column per holding whose segments are these lots, and
/// relieves lots in the same order, so the program and the trades always agree.
struct LotPlan: Sendable {
  struct Segment: Sendable {
    /// Index into the holding's lots.
    var lot: Int
    /// Market value of this part of the lot.
    var value: Money
    /// Estimated tax per dollar raised (0 for a loss, or for a gain inside the zero-rate room).
    var taxPerDollar: Double
    /// The solver's cost per dollar sold beyond turnover.
    var cost: Double
    /// Whether this is the first segment of its lot in selling order.
    var firstOfLot = true
  }

  /// Segments in selling order (a lot split by the zero-rate room appears twice).
  var segments: [Segment]
  /// Lot indices in selling order, each once: a view of `segments` (no array of its own).
  var order: LazyMapSequence<LazyFilterSequence<[Segment]>, Int> {
    segments.lazy.filter { $0.firstOfLot }.map { $0.lot }
  }
  /// Shares that may be sold (blocked lots excluded).
  var sellable: Quantity
  /// Lots that turn long-term within the next 30 days and stand at a gain, in increasing order.
  var nearLongTerm: [Int]
}

extension LotPlan {
  /// Extra cost per dollar of selling, for a gain, a lot about to turn long-term: more than any
  /// aim can pay (2 × aim weight), less than a band breach, so such lots are sold only to
  /// reach a band.
  static let nearLongTermPenalty = 250.0
  /// Days ahead in which a short-term lot "turns long-term soon".
  static let nearLongTermDays = 30
  /// Up to this many lots or segments, sort by insertion and de-duplicate by scanning instead
  /// of allocating (a chosen bound, not a tuned one: both ways give the same order).
  static let smallCount = 16

  /// - Parameters:
  ///   - zeroRated: dollars of each lot's value whose gain falls in the zero-rate room.
  ///   - blocked: whether the holding's loss lots may not be sold (wash-sale rule).
  ///   - soon: `asOf` plus ``nearLongTermDays`` (worked out once per round by the caller).
  init(
    holding: borrowing Holding, price: Price, asOf: CivilDate, rates: borrowing TaxSettings, method: LotSelection,
    zeroRated: borrowing [Money], lossesBlocked: Bool, taxableSale: Double, soon: CivilDate
  ) {
    let lots = holding.lots
    var segments: [Segment] = []
    // A lot split by the zero-rate room takes two segments.
    segments.reserveCapacity(zeroRated.isEmpty ? lots.count : 2 * lots.count)
    var near: [Int] = []
    // The method's order breaks ties (and, for fifo/hifo, is the whole order); tax-optimal
    // ties fall back to the canonical lot order.
    var rank: [Int] = []
    if method != .taxOptimal {
      rank = Array(holding.lots.indices)
      for (r, i) in holding.lotOrder(method, price: price, on: asOf, rates: rates).enumerated() { rank[i] = r }
    }
    let (longTermRate, shortTermRate) = (rates.longTermRate, rates.shortTermRate)
    for i in lots.indices {
      let value = lots[i].quantity * price
      let gainFraction = value.isZero ? 0 : 1 - lots[i].cost.doubleValue / value.doubleValue
      let isLoss = gainFraction < 0
      if isLoss && lossesBlocked { continue }
      // TaxLot.term(at:) and the test for turning long-term soon, from one anniversary.
      let longOn = lots[i].firstAnniversary
      let term: LotSale.Term = asOf > longOn ? .long : .short
      let rate = term == .long ? longTermRate : shortTermRate
      let turnsLongSoon = term == .short && !isLoss && soon > longOn
      if turnsLongSoon { near.append(i) }
      let tie = 1e-7 * Double(rank.isEmpty ? i : rank[i])
      func cost(_ tax: Double) -> Double {
        guard method == .taxOptimal || method == .specific else { return taxableSale + tie }
        // A loss is worth its tax value: selling it lowers the tax (through netting or the
        // deduction against income), so the solver prefers it even to a tax-free trade. The
        // losses of overweight positions it leaves are harvested after the solve, with a
        // substitute (harvestOverweightLosses).
        if isLoss { return gainFraction * rate + tie }
        return taxableSale + tax + (turnsLongSoon ? Self.nearLongTermPenalty : 0) + tie
      }
      let free = i < zeroRated.count ? min(zeroRated[i], value) : .zero
      if free > .zero {
        segments.append(Segment(lot: i, value: free, taxPerDollar: 0, cost: cost(1e-6 * gainFraction)))
      }
      if value - free > .zero || value.isZero {
        let tax = isLoss ? 0 : gainFraction * rate
        segments.append(Segment(lot: i, value: value - free, taxPerDollar: tax, cost: cost(tax)))
      }
    }
    // Stably, as `sort` is; by insertion when there are few segments (the common case).
    func before(_ a: Segment, _ b: Segment) -> Bool {
      a.cost != b.cost ? a.cost < b.cost : (a.lot, a.taxPerDollar) < (b.lot, b.taxPerDollar)
    }
    if segments.count <= Self.smallCount {
      for i in segments.indices.dropFirst() {
        let moving = segments[i]
        var j = i
        while j > 0 && before(moving, segments[j - 1]) {
          segments[j] = segments[j - 1]
          j -= 1
        }
        segments[j] = moving
      }
    } else {
      segments.sort(by: before)
    }
    var sellable = Quantity.zero
    // Each lot once, at its first segment (a lot split by the zero-rate room has two).
    var seen = holding.lots.count <= Self.smallCount ? [] : [Bool](filledWith: false, count: holding.lots.count)
    for k in segments.indices {
      let lot = segments[k].lot
      if seen.isEmpty {
        var earlier = false
        for e in 0..<k where segments[e].lot == lot { earlier = true }
        if earlier {
          segments[k].firstOfLot = false
          continue
        }
      } else {
        if seen[lot] {
          segments[k].firstOfLot = false
          continue
        }
        seen[lot] = true
      }
      sellable += holding.lots[lot].quantity
    }
    self.segments = segments
    self.sellable = sellable
    self.nearLongTerm = near
  }
}

extension Household {
  /// Dollars of each taxable lot's value that can be sold with its gain taxed at 0%: the
  /// long-term gain room (`zeroRateGainRoom`) goes to the long-term gain lots that raise the
  /// most per dollar of gain first. Indexed [account][holding][lot]; empty when there is no room.
  func zeroRatedLotValues() -> [[[Money]]] {
    var room = tax.zeroRateGainRoom
    // Without room nothing is zero-rated: no lists at all (a missing entry reads as zero).
    guard room > .zero else { return [] }
    var result = accounts.map { $0.holdings.map { [Money](filledWith: .zero, count: $0.lots.count) } }
    var candidates: [(fraction: Double, a: Int, h: Int, l: Int, value: Money, gain: Money)] = []
    for (a, account) in accounts.enumerated() where account.type == .taxable {
      for (k, holding) in account.holdings.enumerated() {
        guard let price = security(holding.symbol)?.price else { continue }
        for (l, lot) in holding.lots.enumerated() where lot.term(at: asOf) == .long {
          let value = lot.quantity * price
          let gain = value - lot.cost
          if gain > .zero { candidates.append((gain.doubleValue / value.doubleValue, a, k, l, value, gain)) }
        }
      }
    }
    candidates.sort { ($0.fraction, $0.a, $0.h, $0.l) < ($1.fraction, $1.a, $1.h, $1.l) }
    for c in candidates where room > .zero {
      if c.gain <= room {
        result[c.a][c.h][c.l] = c.value
        room -= c.gain
      } else {
        result[c.a][c.h][c.l] = (c.value * room).divided(by: c.gain, rounding: .down)
        room = .zero
      }
    }
    return result
  }
}
