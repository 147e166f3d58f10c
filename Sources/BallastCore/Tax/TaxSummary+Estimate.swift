extension TaxSummary {
  /// Sums the gains and losses of `sales` by term and estimates the tax as the IRS nets them.
  ///
  /// 1. Within each term, losses offset gains: net short = ST gains + ST losses, net long
  ///    likewise.
  /// 2. A net loss of one term offsets a net gain of the other; what remains keeps the
  ///    character of the larger side.
  /// 3. Tax = net short gain × shortTermRate + (net long gain − zeroRateGainRoom)⁺ ×
  ///    longTermRate.
  /// 4. A net loss overall is deducted from ordinary income up to `ordinaryLossLimit` (3,000),
  ///    saving that amount × shortTermRate (a negative tax); the rest is carried forward.
  ///
  /// Amounts are exact; the tax is rounded half-even to cents.
  public init(sales: [LotSale], rates: TaxSettings) {
    var totals = TermTotals()
    for s in sales { totals.add(s.gain, term: s.term) }
    self.init(totals, rates: rates)
  }

  /// The summary of sales whose gains and losses by term are `totals`.
  init(_ totals: TermTotals, rates: borrowing TaxSettings) {
    self.init()
    shortTermGains = totals.shortTermGains
    shortTermLosses = totals.shortTermLosses
    longTermGains = totals.longTermGains
    longTermLosses = totals.longTermLosses
    var netShort = shortTermGains + shortTermLosses
    var netLong = longTermGains + longTermLosses
    if netShort.isNegative != netLong.isNegative && !netShort.isZero && !netLong.isZero {
      let total = netShort + netLong
      let gainSideIsShort = netShort > .zero
      if total.isNegative {
        (netShort, netLong) = gainSideIsShort ? (.zero, total) : (total, .zero)
      } else {
        (netShort, netLong) = gainSideIsShort ? (total, .zero) : (.zero, total)
      }
    }
    netShortTerm = netShort
    netLongTerm = netLong
    let st = FixedDecimal(rates.shortTermRate, places: 9) ?? .zero
    let lt = FixedDecimal(rates.longTermRate, places: 9) ?? .zero
    zeroRateGains = min(max(netLong, .zero), rates.zeroRateGainRoom)
    var tax = max(netShort, .zero) * st + (max(netLong, .zero) - zeroRateGains) * lt
    let netLoss = -(min(netShort, .zero) + min(netLong, .zero))
    if netLoss > .zero {
      ordinaryIncomeOffset = min(netLoss, rates.ordinaryLossLimit)
      carryforward = netLoss - ordinaryIncomeOffset
      tax -= ordinaryIncomeOffset * st
    }
    estimatedTax = tax.rounded(places: 2)
  }
}

/// Gains and losses summed by term (losses negative): all that the tax estimate reads of a
/// list of sales.
struct TermTotals {
  var shortTermGains = Money.zero
  var shortTermLosses = Money.zero
  var longTermGains = Money.zero
  var longTermLosses = Money.zero

  mutating func add(_ gain: Money, term: LotSale.Term) {
    switch (term, gain.isNegative) {
    case (.short, false): shortTermGains += gain
    case (.short, true): shortTermLosses += gain
    case (.long, false): longTermGains += gain
    case (.long, true): longTermLosses += gain
    }
  }
}
