import Foundation

extension BenchRunner.Report {
    /// The human-readable table, with its target beside each measurement.
    package var table: String {
        var rows: [(String, String, String)] = []
        func f(_ x: Double, _ digits: Int = 1) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "–" }
        func check(_ ok: Bool) -> String { ok ? "✓" : "✗" }

        rows.append(("requests / cores", "\(invoices) / \(cores)", ""))
        rows.append(("synthetic mix", "open \(synthetic.open), paid \(synthetic.paid), part. refunded \(synthetic.partiallyRefunded), refunded \(synthetic.refunded), voided \(synthetic.voided); fr \(synthetic.french), en \(synthetic.english)", ""))
        rows.append(("full build: wall", "\(f(fullBuild.seconds, 2)) s", ""))
        rows.append(("full build: pages (payment pages)", "\(fullBuild.pages) (\(fullBuild.paymentPages))", ""))
        rows.append(("full build: pages/s (payment pages/s)", "\(f(fullBuild.pagesPerSecond, 0)) (\(f(fullBuild.paymentPagesPerSecond, 0)))", ""))
        rows.append(("full build: peak RSS", "\(f(fullBuild.peakRSSMB)) MB", ""))
        if let hugo {
            let speed = fullBuild.paymentPagesPerSecond / hugo.pagesPerSecond
            let memory = fullBuild.peakRSSMB / hugo.peakRSSMB
            rows.append(("hugo: wall / pages / pages/s", "\(f(hugo.seconds, 2)) s / \(hugo.pages) / \(f(hugo.pagesPerSecond, 0))", ""))
            rows.append(("hugo: peak RSS", "\(f(hugo.peakRSSMB)) MB", ""))
            rows.append(("PayPage/Hugo payment pages/s", "\(f(speed, 2))×", "≥ 2× \(check(speed >= 2))"))
            rows.append(("PayPage/Hugo peak memory", "\(f(memory, 2))×", "≤ 0.2× \(check(memory <= 0.2))"))
        }
        let share = noChangeRebuild.seconds / fullBuild.seconds
        rows.append(("no-change rebuild: wall (process start incl.)", "\(f(noChangeRebuild.seconds, 3)) s = \(f(share * 100))% of full", "≤ 10% \(check(share <= 0.10))"))
        rows.append(("no-change rebuild: files written", "\(noChangeRebuild.filesWritten.map(String.init) ?? "?")", "0 \(check(noChangeRebuild.filesWritten == 0))"))
        rows.append(("no-change rebuild: peak RSS", "\(f(noChangeRebuild.peakRSSMB)) MB", ""))
        if let payments {
            rows.append(("payment → page: p50 / p99 / max (n=\(payments.count))", "\(f(payments.p50, 2)) / \(f(payments.p99, 2)) / \(f(payments.max, 2)) ms", "p99 ≤ 25 ms \(check(payments.p99 <= 25))"))
            rows.append(("payment → page + staff lists + manifest (n=\(BenchRunner.fullPublishes)): p50 / p99", "\(f(payments.publishP50, 2)) / \(f(payments.publishP99, 2)) ms", ""))
            rows.append(("  charge (ledger commit) p50 / rebuild p50", "\(f(payments.chargeP50, 2)) / \(f(payments.rebuildP50, 2)) ms", ""))
        }
        if let serving {
            rows.append(("serve \(serving.path.prefix(6))…: paypage rps (c64, median of \(serving.rounds))", "\(f(serving.paypage.requestsPerSecond, 0)) (p50 \(f(serving.paypage.p50, 2)) ms, p99 \(f(serving.paypage.p99, 2)) ms)", ""))
            if let nginx = serving.nginx {
                rows.append(("serve: nginx rps (c64)", "\(f(nginx.requestsPerSecond, 0)) (p50 \(f(nginx.p50, 2)) ms, p99 \(f(nginx.p99, 2)) ms)", ""))
            }
            if let ratio = serving.rpsRatio { rows.append(("serve: PayPage/nginx rps (median ratio)", "\(f(ratio * 100))%", "≥ 45% \(check(ratio >= 0.45))")) }
            if let ratio = serving.p99Ratio { rows.append(("serve: PayPage/nginx p99 (median ratio)", "\(f(ratio, 2))×", "≤ 2× \(check(ratio <= 2))")) }
            rows.append(("serve: single keep-alive p50 (paypage)", "\(f(serving.paypageSingle.p50, 3)) ms (\(f(serving.paypageSingle.requestsPerSecond, 0)) rps)", "< 1 ms \(check(serving.paypageSingle.p50 < 1))"))
            if let single = serving.nginxSingle {
                rows.append(("serve: single keep-alive p50 (nginx)", "\(f(single.p50, 3)) ms (\(f(single.requestsPerSecond, 0)) rps)", ""))
            }
        }
        let w0 = rows.map(\.0.count).max() ?? 0
        let w1 = min(44, rows.map(\.1.count).max() ?? 0)
        var text = ""
        for row in rows {
            let name = row.0.padding(toLength: w0, withPad: " ", startingAt: 0)
            let value = row.1.count < w1 ? row.1.padding(toLength: w1, withPad: " ", startingAt: 0) : row.1
            text += "\(name)  \(value)  \(row.2)".trimmingCharacters(in: .whitespaces) + "\n"
        }
        for note in notes { text += "note: \(note)\n" }
        return text
    }
}
