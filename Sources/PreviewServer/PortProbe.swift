#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that the address can be listened on before the server starts, so that a
/// taken port is reported as `ServerError.portInUse` rather than as NIO's error.
enum PortProbe {
    static func ensureAvailable(host: String, port: Int) throws(ServerError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(bare, String(port), &hints, &list) == 0, let first = list else {
            throw .invalidHost(host)
        }
        defer { freeaddrinfo(list) }
        // The server binds the first address the name resolves to; probe the same one.
        let socketFD = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard socketFD >= 0 else { return }  // cannot probe: let the server try
        defer { close(socketFD) }
        var yes: Int32 = 1
        // Same option as the server, so TIME_WAIT leftovers do not count as "in use".
        _ = setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(socketFD, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 || listen(socketFD, 1) != 0 {
            if errno == EADDRINUSE { throw .portInUse(host: host, port: port) }
            if errno == EADDRNOTAVAIL { throw .invalidHost(host) }
        }
    }
}
