import Foundation
import Generator

/// Writes the synthetic workspace's payment pages and receipts as a Hugo site: one content file
/// per page (the same typed context PayPage's theme receives, as JSON front matter, with the
/// notes as the Markdown body that Hugo renders itself) and layouts ported from the default
/// theme's Mustache templates, so both generators produce the same HTML pages from the same data.
package struct HugoExport {
    package let workspace: URL

    package init(workspace: URL) { self.workspace = workspace }

    /// Returns the number of content pages written.
    @discardableResult
    package func write(to site: URL) throws -> Int {
        let fm = FileManager.default
        try? fm.removeItem(at: site)
        for folder in ["content/p", "data/t", "layouts/_default", "layouts/payment", "layouts/receipt", "layouts/partials", "static"] {
            try fm.createDirectory(at: site.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(Self.config.utf8).write(to: site.appendingPathComponent("hugo.toml"))
        for (path, text) in Self.layouts { try Data(text.utf8).write(to: site.appendingPathComponent("layouts/\(path)")) }
        // The fingerprinted assets PayPage's build wrote, so the pages' links resolve the same way.
        let assets = workspace.appendingPathComponent("Output/public/assets")
        if fm.fileExists(atPath: assets.path) {
            try fm.copyItem(at: assets, to: site.appendingPathComponent("static/assets"))
        }

        var count = 0
        var folders = Set<String>()
        // The string tables go to data/t/<n>.json once; each page names its table.
        var tables: [[String: String]] = []
        try SiteBuilder(workspace: workspace).exportPages { page in
            guard var object = try JSONSerialization.jsonObject(with: page.context) as? [String: Any] else { return }
            object.removeValue(forKey: "notesHTML")
            let table = object.removeValue(forKey: "t") as? [String: String] ?? [:]
            var tableIndex = tables.firstIndex(of: table)
            if tableIndex == nil {
                tables.append(table)
                tableIndex = tables.count - 1
                let data = try JSONSerialization.data(withJSONObject: table, options: [.sortedKeys, .withoutEscapingSlashes])
                try data.write(to: site.appendingPathComponent("data/t/t\(tableIndex!).json"))
            }
            // p/<token>/fr/index.html → content/p/<token>/fr.md at url /p/<token>/fr/
            let folder = (page.path as NSString).deletingLastPathComponent
            let parts = folder.split(separator: "/").map(String.init)
            let token = parts[1]
            let name = parts.dropFirst(2).joined(separator: "-")
            let front: [String: Any] = ["url": "/\(folder)/", "type": page.template, "strings": "t\(tableIndex!)", "page": object]
            var data = try JSONSerialization.data(withJSONObject: front, options: [.sortedKeys, .withoutEscapingSlashes])
            data.append(contentsOf: Array("\n\n".utf8))
            if let notes = page.notesMarkdown { data.append(contentsOf: Array((notes + "\n").utf8)) }
            let contentFolder = "content/p/\(token)"
            if folders.insert(contentFolder).inserted {
                try fm.createDirectory(at: site.appendingPathComponent(contentFolder), withIntermediateDirectories: true)
            }
            try data.write(to: site.appendingPathComponent("\(contentFolder)/\(name.isEmpty ? "neutral" : name).md"))
            count += 1
        }
        return count
    }

    static let config = """
        baseURL = "http://127.0.0.1:8080/"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
        disableHugoGeneratorInject = true
        enableRobotsTXT = false

        [markup.goldmark.renderer]
          unsafe = false
        [markup.goldmark.parser]
          autoHeadingID = false
        [markup.goldmark.extensions]
          typographer = false
          linkify = false

        """

    /// The default theme's templates in Go's html/template (which escapes by context, like
    /// swift-mustache's `{{x}}`). Hugo lowercases front matter keys.
    static let layouts: [(String, String)] = [
        ("_default/baseof.html", """
            {{- $c := .Params.page.chrome -}}
            <!DOCTYPE html>
            <html lang="{{ $c.lang }}"{{ if $c.neutral }} data-neutral="true"{{ end }}>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <meta name="referrer" content="no-referrer">
            <meta name="format-detection" content="telephone=no">
            <title>{{ $c.title }}</title>
            <link rel="icon" href="data:,">
            {{- range $c.stylesheets }}
            <link rel="stylesheet" href="{{ . }}">
            {{- end }}
            {{- range $c.scripts }}
            <script src="{{ . }}" defer></script>
            {{- end }}
            </head>
            <body class="{{ $c.bodyclass }}">
            {{ block "main" . }}{{ end }}
            </body>
            </html>

            """),
        ("partials/topbar.html", """
            {{- $p := .p }}{{ $t := .t -}}
            <header class="topbar">
              <div class="wrap topbar-inner">
                <p class="brand">{{ $p.company.name }}</p>
                <ul class="contact" aria-label="{{ $t.contact_label }}">
                  <li><a class="icon-button" href="{{ $p.company.telhref | safeURL }}" aria-label="{{ $p.company.calllabel }}"><img src="{{ $p.chrome.phoneicon }}" alt="" width="20" height="20"><span class="icon-button-text">{{ $t.call }}</span></a></li>
                  <li><a class="icon-button" href="{{ $p.company.smshref | safeURL }}" aria-label="{{ $p.company.textlabel }}"><img src="{{ $p.chrome.messageicon }}" alt="" width="20" height="20"><span class="icon-button-text">{{ $t.text }}</span></a></li>
                </ul>
              </div>
            </header>
            """),
        ("partials/language-switch.html", """
            <nav class="langs" aria-label="{{ .t.language_label }}">
              <ul>
            {{- range .p.languages }}
                <li><a href="{{ .href }}" lang="{{ .code }}" hreflang="{{ .code }}" data-lang="{{ .code }}"{{ if .current }} aria-current="page"{{ end }}>{{ .label }}</a></li>
            {{- end }}
              </ul>
            </nav>
            """),
        ("partials/footer.html", """
            {{- $p := .p }}{{ $t := .t -}}
            <footer class="site-footer">
              <div class="wrap">
                <p class="secure"><img src="{{ $p.chrome.lockicon }}" alt="" width="16" height="16"> {{ $t.secure_footer }}</p>
                <address>
                  <strong>{{ $p.company.name }}</strong><br>
                  {{ $p.company.street }}<br>
                  {{ $p.company.cityline }}<br>
                  <a href="{{ $p.company.telhref | safeURL }}">{{ $p.company.phonedisplay }}</a>{{ with $p.company.email }} · <a href="{{ $p.company.emailhref | safeURL }}">{{ . }}</a>{{ end }}
                </address>
            {{- with $p.footerlegal }}
                <p class="legal">{{ . }}</p>
            {{- end }}
              </div>
            </footer>
            """),
        ("payment/single.html", """
            {{ define "main" }}
            {{- $p := .Params.page }}{{ $t := index site.Data.t .Params.strings -}}
            {{ partial "topbar.html" (dict "p" $p "t" $t) }}
            <main id="main" class="wrap main">
              <div class="page-head">
                <h1 class="page-title">{{ $t.request_title }} <strong>{{ $p.reference }}</strong></h1>
            {{ partial "language-switch.html" (dict "p" $p "t" $t) }}
              </div>
            {{- with $p.banner }}
              <section class="banner banner-{{ .kind }}" aria-labelledby="banner-title">
                <h2 id="banner-title" class="banner-title">{{ .title }}</h2>
                <p class="banner-text">{{ .text }}</p>
            {{- with .receipthref }}
                <p class="banner-action"><a class="button button-secondary" href="{{ . }}">{{ $p.banner.receiptlabel }}</a></p>
            {{- end }}
              </section>
            {{- end }}
              <section class="card hero" aria-labelledby="hero-label">
                <div class="hero-top">
                  <h2 id="hero-label" class="hero-label">{{ $p.herolabel }}</h2>
                  <p class="pill pill-{{ $p.statuskey }}">{{ $p.statuslabel }}</p>
                </div>
                <p class="hero-amount{{ if $p.herostruck }} is-struck{{ end }}">{{ $p.heroamount }}</p>
                <div class="facts">
            {{- range $p.facts }}
                  <dl class="fact"><dt>{{ .label }}</dt><dd>{{ .value }}</dd></dl>
            {{- end }}
                </div>
              </section>
            {{- if $p.showpayment }}
              <section class="card pay" aria-labelledby="pay-title">
                <h2 id="pay-title" class="card-title">{{ $p.paytitle }}</h2>
                <ul class="methods">
            {{- range $p.methods }}
                  <li><a class="method method-{{ .key }}{{ if .primary }} method-primary{{ end }}" href="{{ .href }}"><span class="method-label">{{ .label }}</span>{{ with .detail }}<span class="method-detail">{{ . }}</span>{{ end }}</a></li>
            {{- end }}
                </ul>
                <p class="secure-note"><img src="{{ $p.chrome.lockicon }}" alt="" width="16" height="16"> {{ $t.secure_note }}</p>
              </section>
            {{- end }}
            {{- if $p.itemized }}
              <section class="card items" aria-labelledby="items-title">
                <h2 id="items-title" class="card-title">{{ $t.items_title }}</h2>
                <table class="lines">
                  <thead><tr><th scope="col">{{ $t.col_description }}</th><th scope="col" class="num">{{ $t.col_amount }}</th></tr></thead>
                  <tbody>
            {{- range $p.lines }}
                    <tr><td><span class="line-desc">{{ .description }}</span>{{ with .detail }}<span class="line-detail">{{ . }}</span>{{ end }}{{ with .discount }}<span class="line-discount">{{ . }}</span>{{ end }}</td><td class="num">{{ .total }}</td></tr>
            {{- end }}
                  </tbody>
            {{- with $p.totals }}
                  <tfoot>
                    <tr class="subtotal"><th scope="row">{{ $t.subtotal }}</th><td class="num">{{ .subtotal }}</td></tr>
            {{- range .taxes }}
                    <tr class="tax"><th scope="row">{{ .label }}</th><td class="num">{{ .amount }}</td></tr>
            {{- end }}
                    <tr class="grand"><th scope="row">{{ $t.total }}</th><td class="num">{{ .total }}</td></tr>
                  </tfoot>
            {{- end }}
                </table>
              </section>
            {{- end }}
            {{- with .Content }}
              <section class="card notes" aria-labelledby="notes-title">
                <h2 id="notes-title" class="card-title">{{ $t.notes_title }}</h2>
                <div class="prose">{{ . }}</div>
              </section>
            {{- end }}
            </main>
            {{ partial "footer.html" (dict "p" $p "t" $t) }}
            {{ end }}

            """),
        ("receipt/single.html", """
            {{ define "main" }}
            {{- $p := .Params.page }}{{ $t := index site.Data.t .Params.strings -}}
            <header class="receipt-bar no-print">
              <div class="wrap receipt-bar-inner">
                <a class="back-link" href="{{ $p.paymenthref }}">← {{ $t.back_to_payment }}</a>
            {{ partial "language-switch.html" (dict "p" $p "t" $t) }}
              </div>
            </header>
            <main id="main" class="wrap main receipt-main">
              <div class="receipt-actions no-print" role="group" aria-label="{{ $t.receipt_actions }}">
                <button type="button" class="button button-secondary" data-action="print" hidden>{{ $t.print }}</button>
                <button type="button" class="button button-primary" data-action="download" hidden>{{ $t.download_pdf }}</button>
              </div>
              <article class="doc" aria-labelledby="doc-title">
                <header class="doc-head">
                  <div class="doc-company">
                    <p class="doc-company-name">{{ $p.company.name }}</p>
                    <p>{{ $p.company.street }}<br>{{ $p.company.cityline }}</p>
                    <p><a href="{{ $p.company.telhref | safeURL }}">{{ $p.company.phonedisplay }}</a>{{ with $p.company.email }}<br><a href="{{ $p.company.emailhref | safeURL }}">{{ . }}</a>{{ end }}{{ with $p.company.website }}<br>{{ . }}{{ end }}</p>
                  </div>
                  <div class="doc-title-block">
                    <h1 id="doc-title" class="doc-title">{{ $t.receipt_title }}</h1>
                    <p class="doc-number">{{ $t.receipt_number }} {{ $p.receiptnumber }}</p>
                    <p class="pill pill-{{ $p.statuskey }}">{{ $p.statuslabel }}</p>
                  </div>
                </header>
                <div class="doc-facts">
            {{- range $p.facts }}
                  <dl class="fact"><dt>{{ .label }}</dt><dd>{{ .value }}</dd></dl>
            {{- end }}
                </div>
                <table class="lines doc-lines">
                  <thead><tr><th scope="col">{{ $t.col_description }}</th><th scope="col" class="num">{{ $t.col_amount }}</th></tr></thead>
                  <tbody>
            {{- if $p.itemized }}
            {{- range $p.lines }}
                    <tr><td><span class="line-desc">{{ .description }}</span>{{ with .detail }}<span class="line-detail">{{ . }}</span>{{ end }}{{ with .discount }}<span class="line-discount">{{ . }}</span>{{ end }}</td><td class="num">{{ .total }}</td></tr>
            {{- end }}
            {{- else }}
                    <tr><td><span class="line-desc">{{ $p.quickline }}</span></td><td class="num">{{ $p.amountpaid }}</td></tr>
            {{- end }}
                  </tbody>
                  <tfoot class="doc-totals">
            {{- if $p.itemized }}{{ with $p.totals }}
                    <tr class="subtotal"><th scope="row">{{ $t.subtotal }}</th><td class="num">{{ .subtotal }}</td></tr>
            {{- range .taxes }}
                    <tr class="tax"><th scope="row">{{ .label }}</th><td class="num">{{ .amount }}</td></tr>
            {{- end }}
            {{- end }}{{ end }}
                    <tr class="grand"><th scope="row">{{ $t.total_paid }}</th><td class="num">{{ $p.amountpaid }}</td></tr>
                  </tfoot>
                </table>
            {{- with $p.affirm }}
                <section class="doc-section doc-affirm" aria-labelledby="affirm-title">
                  <h2 id="affirm-title" class="doc-h2">{{ $t.affirm_title }}</h2>
                  <p>{{ .summary }}</p>
                </section>
            {{- end }}
            {{- if $p.hasrefunds }}
                <section class="doc-section doc-refunds" aria-labelledby="refunds-title">
                  <h2 id="refunds-title" class="doc-h2">{{ $t.refunds_title }}</h2>
                  <table class="lines refunds">
                    <thead><tr><th scope="col">{{ $t.col_refund }}</th><th scope="col" class="num">{{ $t.col_amount }}</th></tr></thead>
                    <tbody>
            {{- range $p.refunds }}
                      <tr><td><span class="line-desc">{{ .label }}</span><span class="line-detail">{{ .date }}{{ with .reason }} — {{ . }}{{ end }}</span></td><td class="num">{{ .amount }}</td></tr>
            {{- end }}
                    </tbody>
                  </table>
                  <p class="doc-note">{{ $p.refunddelay }}</p>
                </section>
            {{- end }}
                <table class="lines doc-balance">
                  <tbody>
                    <tr><th scope="row">{{ $t.total_paid }}</th><td class="num">{{ $p.amountpaid }}</td></tr>
            {{- if $p.hasrefunds }}
                    <tr><th scope="row">{{ $t.total_refunded }}</th><td class="num">{{ $p.totalrefunded }}</td></tr>
            {{- end }}
                    <tr class="grand"><th scope="row">{{ $t.balance }}</th><td class="num">{{ $p.balance }}</td></tr>
                  </tbody>
                </table>
                <footer class="doc-foot">
            {{- if $p.company.hastaxnumbers }}
                  <p>{{ $t.tax_numbers }} {{ range $i, $n := $p.company.taxnumbers }}{{ if $i }} · {{ end }}{{ $n.name }} {{ $n.number }}{{ end }}</p>
            {{- end }}
                  <p>{{ $t.thank_you }}</p>
                </footer>
              </article>
            </main>
            <footer class="site-footer no-print">
              <div class="wrap">
                <p class="secure"><img src="{{ $p.chrome.lockicon }}" alt="" width="16" height="16"> {{ $t.secure_footer }}</p>
              </div>
            </footer>
            {{ end }}

            """),
    ]
}
