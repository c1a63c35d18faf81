import Foundation
import Hummingbird
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves `Output/`: mounts, directory indexes, language negotiation, ranges.
struct StaticSite: Sendable {
    let configuration: PreviewServerConfiguration
    /// Resolved paths and small files in memory (one `stat` per request revalidates them).
    let cache = StaticFileCache()

    func respond(to request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            return ErrorPage.response(.methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        guard let path = StaticPath(rawPath: request.uri.path), let mount = mount(for: path) else {
            return ErrorPage.response(.notFound)
        }
        let resolver = CachedResolver(resolver: FileResolver(root: mount.root), cache: cache)
        var extra = HTTPFields()
        if path.segments.first == "p", mount.isPublic {
            let negotiation = LanguageNegotiation.negotiate(
                query: request.uri.query,
                cookieHeaders: request.headers[values: .cookie],
                acceptLanguage: request.headers[.acceptLanguage],
                default: configuration.defaultLanguage
            )
            if negotiation.fromQuery {
                extra[.setCookie] = LanguageNegotiation.setCookieValue(negotiation.language)
            }
            if Self.isNeutralPage(path) {
                extra[.vary] = "Accept-Language, Cookie"
                let localized = path.segments + [negotiation.language.rawValue, "index.html"]
                if case .file(let file) = resolver.resolve(localized) {
                    extra[.contentLanguage] = negotiation.language.rawValue
                    return serve(file: file, request: request, headers: extra)
                }
                // No page in that language: the neutral page is complete on its own.
            }
        }
        switch resolver.resolve(mount.relative) {
        case nil:
            return ErrorPage.response(.notFound)
        case .directory:
            guard path.hasTrailingSlash else {
                var location = path
                location.hasTrailingSlash = true
                let query = request.uri.query.map { "?" + $0 } ?? ""
                extra[.location] = location.encodedPath + query
                return Response(status: .movedPermanently, headers: extra)
            }
            guard case .file(let index) = resolver.resolve(mount.relative + ["index.html"]) else {
                return ErrorPage.response(.notFound)
            }
            return serve(file: index, request: request, headers: extra)
        case .file(let file):
            guard !path.hasTrailingSlash else { return ErrorPage.response(.notFound) }
            return serve(file: file, request: request, headers: extra)
        }
    }

    struct Mount {
        var root: URL
        var relative: [String]
        var isPublic: Bool
    }

    /// `/staff/` and `/gallery/` list every link: on a non-loopback host they do not exist.
    func mount(for path: StaticPath) -> Mount? {
        switch path.segments.first {
        case "staff"?, "gallery"?:
            guard configuration.servesPrivatePages else { return nil }
            let root = path.segments.first == "staff" ? configuration.staffRoot : configuration.galleryRoot
            return Mount(root: root, relative: Array(path.segments.dropFirst()), isPublic: false)
        default:
            return Mount(root: configuration.publicRoot, relative: path.segments, isPublic: true)
        }
    }

    /// `/p/<token>/` and `/p/<token>/receipt/`.
    static func isNeutralPage(_ path: StaticPath) -> Bool {
        guard path.hasTrailingSlash, path.segments.first == "p" else { return false }
        return path.segments.count == 2 || (path.segments.count == 3 && path.segments[2] == "receipt")
    }

    func serve(file: String, request: Request, headers: HTTPFields) -> Response {
        guard let (buffer, data) = cache.contents(of: file) else { return ErrorPage.response(.notFound) }
        if configuration.liveReload || request.headers[.range] != nil {
            return serve(data: data ?? Data(buffer.readableBytesView), file: file, request: request, headers: headers)
        }
        let name = (file as NSString).lastPathComponent
        var fields = headers
        let contentType = ContentType.forFile(named: name)
        fields[.contentType] = contentType
        fields[.cacheControl] = ContentType.isHTML(contentType) ? "no-store"
            : ContentType.isFingerprinted(name) ? "public, max-age=31536000, immutable" : "no-cache"
        fields[.acceptRanges] = "bytes"
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: buffer))
    }

    func serve(data: Data, file: String, request: Request, headers: HTTPFields) -> Response {
        var data = data
        let name = (file as NSString).lastPathComponent
        let contentType = ContentType.forFile(named: name)
        var fields = headers
        fields[.contentType] = contentType
        if ContentType.isHTML(contentType) {
            fields[.cacheControl] = "no-store"
        } else if ContentType.isFingerprinted(name) {
            fields[.cacheControl] = "public, max-age=31536000, immutable"
        } else {
            fields[.cacheControl] = "no-cache"
        }
        if configuration.liveReload, ContentType.isHTML(contentType) {
            // The page differs from the file on disk, so byte ranges of it make no sense.
            data = LiveReloadInjection.inject(into: data)
            return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        fields[.acceptRanges] = "bytes"
        switch RangeHeader.evaluate(request.headers[.range], length: Int64(data.count)) {
        case .whole:
            return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .partial(let start, let end):
            fields[.contentRange] = "bytes \(start)-\(end)/\(data.count)"
            let slice = data[data.startIndex + Int(start)...data.startIndex + Int(end)]
            return Response(status: .partialContent, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: slice)))
        case .unsatisfiable:
            var response = ErrorPage.response(.rangeNotSatisfiable, headers: fields)
            response.headers[.contentRange] = "bytes */\(data.count)"
            return response
        }
    }
}

/// `FileResolver` with its answers remembered for a second: resolving a page costs two
/// `realpath`s (an `lstat` per path component) and a `stat`, several times over for a folder
/// URL. Only found entries are remembered (a page that appears is served at once), and the
/// file is `stat`ed again before being served, so a removed page answers 404 at once too.
struct CachedResolver {
    let resolver: FileResolver
    let cache: StaticFileCache

    func resolve(_ segments: [String]) -> FileResolver.Entry? {
        let key = resolver.root.path + "\u{0}" + segments.joined(separator: "/")
        if let entry = cache.resolved(key) { return entry }
        let entry = resolver.resolve(segments)
        if let entry { cache.remember(key, entry) }
        return entry
    }
}

/// Small files kept in memory as ready-to-send buffers, keyed by real path and checked against
/// the file's inode, size and modification time on every use: the generator writes by rename,
/// so a rebuilt page has a new inode and is read again.
final class StaticFileCache: @unchecked Sendable {
    static let maxFileSize = 512 * 1024
    static let maxEntries = 20_000
    static let resolveLifetime: UInt64 = 1_000_000_000

    private struct File {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var buffer: ByteBuffer
    }

    private struct State {
        var files: [String: File] = [:]
        var resolved: [String: (entry: FileResolver.Entry, at: UInt64)] = [:]
    }

    private let lock = NSLock()
    private var state = State()

    init() {}

    func resolved(_ key: String) -> FileResolver.Entry? {
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            guard let found = state.resolved[key], now &- found.at < Self.resolveLifetime else { return nil }
            return found.entry
        }
    }

    func remember(_ key: String, _ entry: FileResolver.Entry) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.withLock {
            if state.resolved.count >= Self.maxEntries { state.resolved.removeAll(keepingCapacity: true) }
            state.resolved[key] = (entry, now)
        }
    }

    /// The file's bytes as a buffer (and as `Data` when it was just read), or nil when it is gone.
    func contents(of path: String) -> (ByteBuffer, Data?)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let device = UInt64(info.st_dev), inode = UInt64(info.st_ino), size = Int64(info.st_size)
        let seconds = Int(info.st_mtim.tv_sec), nanoseconds = Int(info.st_mtim.tv_nsec)
        let cached = lock.withLock { state.files[path] }
        if let cached, cached.device == device, cached.inode == inode, cached.size == size,
           cached.seconds == seconds, cached.nanoseconds == nanoseconds {
            return (cached.buffer, nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let buffer = ByteBuffer(bytes: data)
        if data.count <= Self.maxFileSize, Int64(data.count) == size {
            let file = File(device: device, inode: inode, size: size, seconds: seconds, nanoseconds: nanoseconds, buffer: buffer)
            lock.withLock {
                if state.files.count >= Self.maxEntries { state.files.removeAll(keepingCapacity: true) }
                state.files[path] = file
            }
        }
        return (buffer, data)
    }
}
