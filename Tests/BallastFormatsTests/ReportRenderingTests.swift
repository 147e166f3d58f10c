import BallastCore
import BallastFormats
import Testing

/// Unit tests of the chart machinery: ticks, scales, downsampling, escaping, number text.
@Suite struct ReportRenderingTests {
  @Test(arguments: [(0.0, 0.23), (-0.57, 0.12), (1990.0, 2023.0), (0.0012, 0.0491), (3.0, 3.0)])
  func linearTicksAreNiceAndCoverTheRange(_ lo: Double, _ hi: Double) {
    let (ticks, step) = NiceTicks.linear(lo, hi, target: 6)
    #expect(ticks.first! <= lo && ticks.last! >= hi)
    #expect((3...12).contains(ticks.count), "\(ticks)")
    let exponent = (step.log10FloorForTest)
    let mantissa = step / pow10(exponent)
    #expect([1, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(step)")
    for (a, b) in zip(ticks, ticks.dropFirst()) { #expect(abs((b - a) - step) < step * 1e-9) }
  }

  @Test func linearTicksPrintWithoutBinaryNoise() {
    let axis = AxisSpec("weight", style: .percent)
    let labels = axis.ticks(0...0.3).map(\.label)
    #expect(labels == ["0%", "5%", "10%", "15%", "20%", "25%", "30%"])
  }

  @Test func logTicksArePowersOfTenOrOneTwoFive() {
    #expect(NiceTicks.logarithmic(0.5, 200) == [0.5, 1, 2, 5, 10, 20, 50, 100, 200])
    #expect(NiceTicks.logarithmic(0.5, 2000) == [1, 10, 100, 1000])
    #expect(NiceTicks.logarithmic(0.9, 120_000) == [1, 10, 100, 1000, 10000, 100_000])
    let short = NiceTicks.logarithmic(0.7, 3.2)
    #expect(short == [0.7, 1, 1.5, 2, 3])
  }

  @Test func scalesMapEndsAndFlip() {
    let x = ChartScale(.linear, domain: 0...10, pixels: 100...300)
    #expect(x.map(0) == 100 && x.map(10) == 300 && x.map(5) == 200)
    let y = ChartScale(.logarithmic, domain: 1...100, pixels: 0...200, flipped: true)
    #expect(abs(y.map(1) - 200) < 1e-9 && abs(y.map(100)) < 1e-9 && abs(y.map(10) - 100) < 1e-9)
  }

  @Test func downsamplingKeepsTheExtremesAndTheEnds() {
    var rng = SeededGenerator(seed: 7)
    var ys: [Double] = [1]
    for _ in 1..<50_000 { ys.append(ys.last! * (1 + 0.02 * (rng.unit() - 0.5))) }
    ys[31_337] = 0.01  // a deep trough
    ys[4_242] = 1e6  // a spike
    let xs = ys.indices.map(Double.init)
    let scale = ChartScale(domain: 0...Double(ys.count - 1), pixels: 0...800)
    let keep = Downsampling.m4Indices(xs: xs, ys: ys, scale: scale)
    #expect(keep.count <= 4 * 801)
    #expect(keep.contains(31_337) && keep.contains(4_242))
    #expect(keep.first == 0 && keep.last == ys.count - 1)
    #expect(zip(keep, keep.dropFirst()).allSatisfy { $0 < $1 })
    // Every pixel column keeps its own minimum and maximum.
    let dd = PathStatistics.drawdown(ys)
    let kept = Downsampling.m4Indices(xs: xs, ys: dd, scale: scale).map { dd[$0] }
    #expect(kept.min() == dd.min())
  }

  @Test func shortSeriesAreKeptWhole() {
    #expect(Downsampling.m4Indices(count: 3, y: { Double($0) }, bucketOf: { _ in 0 }) == [0, 1, 2])
  }

  @Test func escapingNeutralisesMarkup() {
    #expect(HTMLEscaping.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    #expect(HTMLEscaping.escape("plain ÄÖ €") == "plain ÄÖ €")
  }

  @Test(arguments: [
    (0.125, 2, "0.13"), (-0.004, 2, "0.00"), (1234567.891, 2, "1234567.89"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.1 + 0.2, 3, "0.300"),
  ])
  func fixedNumbersAreLocaleFree(_ v: Double, _ digits: Int, _ text: String) {
    #expect(ReportNumber.fixed(v, digits) == text)
  }

  @Test func groupedAndPercentText() {
    #expect(ReportNumber.fixed(1234567.891, 2, grouped: true) == "1,234,567.89")
    #expect(ReportNumber.percent(0.0712, 1) == "7.1%")
    #expect(ReportNumber.percent(0.003, 1, signed: true) == "+0.3%")
    #expect(ReportNumber.points(-0.092) == "-9.2 pp")
    #expect(ReportNumber.fixed(.nan, 2) == "n/a")
  }

  @Test func dateTicksAreYearsForLongSpansAndMonthsForShortOnes() {
    let a = CivilDate(year: 1990, month: 1, day: 2)!, b = CivilDate(year: 2022, month: 12, day: 30)!
    let years = DateTicks.ticks(fromDay: Double(a.dayNumber), toDay: Double(b.dayNumber))
    #expect(years.map(\.label) == ["1995", "2000", "2005", "2010", "2015", "2020"])
    let c = CivilDate(year: 2023, month: 1, day: 15)!, d = CivilDate(year: 2023, month: 9, day: 30)!
    let months = DateTicks.ticks(fromDay: Double(c.dayNumber), toDay: Double(d.dayNumber))
    #expect(months.first?.label == "Feb 2023" || months.first?.label == "Mar 2023")
    #expect(months.count >= 3)
  }

  @Test func pathStatistics() {
    let v = [1.0, 1.1, 0.99, 1.21, 1.0]
    #expect(PathStatistics.growth([2, 3]) == [1, 1.5])
    let dd = PathStatistics.drawdown(v)
    #expect(dd[0] == 0 && abs(dd[2] - (0.99 / 1.1 - 1)) < 1e-15 && dd[3] == 0 && abs(dd[4] - (1.0 / 1.21 - 1)) < 1e-15)
    let rr = PathStatistics.rollingReturn(v, window: 2)
    #expect(rr[0].isNaN && rr[1].isNaN && abs(rr[2] - (0.99 - 1)) < 1e-15)
    let vol = PathStatistics.rollingVolatility([1, 1.1, 1.21, 1.331], window: 3, periodsPerYear: 12)
    #expect(vol[2].isNaN && abs(vol[3]) < 1e-12)  // three equal 10% returns: no volatility
  }

  func pow10(_ e: Int) -> Double {
    var r = 1.0
    if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
    return r
  }
}

extension Double {
  var log10FloorForTest: Int {
    var e = 0, v = self
    while v >= 10 { v /= 10; e += 1 }
    while v < 1 { v *= 10; e -= 1 }
    return e
  }
}
