import Templating
import Testing

/// Every template the engine cannot render is refused when parsed, with its line and column.
struct SyntaxErrorTests {
    @Test(arguments: [
        ("<main>\n  <p>{{#paid}}Paid{{/pad}}</p>\n", TemplateSyntaxError.Problem.closedWithAnotherName(open: "paid", closed: "pad"), 2, 22),
        ("<p>\r\n  é{{/x}}\r\n", .closedWithAnotherName(open: nil, closed: "x"), 2, 7),
        ("<label>\n{{label</label>\n", .unfinishedTag, 2, 8),
        ("a\n{{name", .unfinishedTag, 2, 7),
        ("{{{name}}", .unfinishedTag, 1, 10),
        ("{{! never closed", .unfinishedTag, 1, 4),
        ("{{#items}}\n<li>{{name}}</li>\n", .unclosedSection(name: "items"), 3, 1),
        ("{{<base}}\n{{$body}}x\n", .unclosedSection(name: "body"), 3, 1),
        ("{{uppercased(title)}}", .unknownFunction(name: "uppercased(title)"), 1, 3),
        ("{{#rows}}{{#plusone(index())}}{{/plusone(index())}}{{/rows}}", .unknownFunction(name: "plusone(index())"), 1, 13),
        ("{{$body()}}{{/body()}}", .unknownFunction(name: "body()"), 1, 4),
        ("x\n  {{> *name}}", .dynamicName(name: "name"), 2, 7),
        ("{{<*base}}{{/*base}}", .dynamicName(name: "base"), 1, 4),
        ("{{<base}}{{title}}{{/base}}", .tagInsideParent, 1, 4),
        ("{{=<% %>}}", .invalidSetDelimiter, 1, 7),
        ("{{% CONTENT_TYPE}}", .invalidPragma, 1, 17),
        ("{{% FORMAT: HTML}}", .unknownPragma(name: "FORMAT"), 1, 19),
        ("\n{{% CONTENT_TYPE: JSON}}", .unknownContentType(name: "JSON"), 2, 19),
    ])
    func reportsProblemLineAndColumn(template: String, problem: TemplateSyntaxError.Problem, line: Int, column: Int) {
        #expect(throws: TemplateSyntaxError(problem, line: line, column: column)) { try Template(template) }
    }

    @Test func describesItselfAsLineColumnProblem() {
        let error = TemplateSyntaxError(.unclosedSection(name: "items"), line: 3, column: 1)
        #expect(error.description == "3:1: a section is never closed (reached the end of the file)")
    }

    /// A partial that includes itself whatever the data stops with an error, not a crash.
    @Test func endlessPartialsStop() throws {
        let library = TemplateLibrary(["page": try Template("{{> loop}}"), "loop": try Template("x{{> loop}}")])
        #expect(throws: TemplateLibrary.TooDeep(partial: "loop")) { try library.render("page", sample) }
    }
}
