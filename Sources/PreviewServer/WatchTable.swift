import Foundation
#if canImport(Glibc)
import Glibc

/// inotify watch descriptors and the directories they stand for; turns raw events
/// into paths and watches directories that appear.
struct WatchTable: Sendable {
    let fd: Int32
    private var directories: [Int32: String] = [:]

    init(fd: Int32) { self.fd = fd }

    var isEmpty: Bool { directories.isEmpty }

    /// Watches `directory` and everything below it. Files already inside a directory
    /// that appeared after the watch began are reported, since their events were missed.
    mutating func addRecursively(_ directory: String, newFiles: inout Set<String>) {
        guard add(directory) else { return }
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let keys: [URLResourceKey] = [.isDirectoryKey, .isSymbolicLinkKey]
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: keys) else { return }
        for case let item as URL in walker {
            let values = try? item.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true, values?.isSymbolicLink != true {
                add(item.path)
            } else {
                newFiles.insert(item.path)
            }
        }
    }

    @discardableResult
    private mutating func add(_ directory: String) -> Bool {
        let wd = inotify_add_watch(fd, directory, InotifyWatcher.mask)
        guard wd >= 0 else { return false }
        directories[wd] = directory
        return true
    }

    /// Reads `struct inotify_event` records (wd, mask, cookie, len, name[len]) byte by byte:
    /// the buffer has no alignment guarantee.
    mutating func parse(_ bytes: ArraySlice<UInt8>, into changed: inout Set<String>) {
        let headerSize = 16
        var offset = bytes.startIndex
        while offset + headerSize <= bytes.endIndex {
            let wd = Int32(bitPattern: readUInt32(bytes, offset))
            let mask = readUInt32(bytes, offset + 4)
            let length = Int(readUInt32(bytes, offset + 12))
            let nameStart = offset + headerSize
            guard nameStart + length <= bytes.endIndex else { return }
            let nameBytes = bytes[nameStart..<(nameStart + length)].prefix { $0 != 0 }
            offset = nameStart + length

            if mask & UInt32(IN_IGNORED) != 0 {
                directories[wd] = nil
                continue
            }
            guard let directory = directories[wd] else {
                // IN_Q_OVERFLOW (wd -1): events were lost; report the roots so everything is rebuilt.
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { changed.formUnion(directories.values) }
                continue
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let path = name.isEmpty ? directory : directory + "/" + name
            changed.insert(path)
            let appeared = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)
            if mask & UInt32(IN_ISDIR) != 0, mask & appeared != 0 {
                addRecursively(path, newFiles: &changed)
            }
        }
    }

    private func readUInt32(_ bytes: ArraySlice<UInt8>, _ at: Int) -> UInt32 {
        // inotify uses the host byte order.
        var value: UInt32 = 0
        withUnsafeMutableBytes(of: &value) { raw in
            for index in 0..<4 { raw[index] = bytes[at + index] }
        }
        return value
    }
}
#endif
