import Foundation
import Testing
@testable import Store

@Suite struct LedgerAtomicFileTests {
    @Test func writesReplacesAndLeavesNoTemporaryFile() throws {
        try withTemporaryFolder { (folder) throws in
            let url = folder.appendingPathComponent("page.html")
            try AtomicFile.write(Data("one".utf8), to: url)
            try AtomicFile.write(Data("two".utf8), to: url)
            #expect(try String(contentsOf: url, encoding: .utf8) == "two")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["page.html"])
        }
    }

    @Test func writeIfChangedSkipsIdenticalContent() throws {
        try withTemporaryFolder { (folder) throws in
            let url = folder.appendingPathComponent("a.json")
            #expect(try AtomicFile.writeIfChanged(Data("{}".utf8), to: url))
            #expect(try !AtomicFile.writeIfChanged(Data("{}".utf8), to: url))
            #expect(try AtomicFile.writeIfChanged(Data("{\"a\":1}".utf8), to: url))
            #expect(try AtomicFile.writeIfChanged(Data(), to: url))
            #expect(try Data(contentsOf: url).isEmpty)
        }
    }

    @Test func aMissingFolderIsAFileSystemErrorNamingTheFile() throws {
        try withTemporaryFolder { (folder) throws in
            let url = folder.appendingPathComponent("no/such/dir/x.txt")
            do {
                try AtomicFile.write(Data("x".utf8), to: url)
                Issue.record("wrote into a missing folder")
            } catch let error as StoreError {
                guard case .fileSystem(let path, _, _) = error else { throw error }
                #expect(path == url.path)
            }
        }
    }
}
