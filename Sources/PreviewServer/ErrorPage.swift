import Hummingbird

/// Plain error pages. The 404 body is the same for every path so that a missing page
/// says nothing about whether a token was well formed or once existed.
enum ErrorPage {
    static func response(_ status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        page(status, headers: headers).response
    }

    static func page(_ status: HTTPResponse.Status, headers: HTTPFields = [:]) -> StaticResponse {
        let title: String
        switch status.code {
        case 404: title = "Page introuvable / Page not found"
        case 405: title = "Méthode non permise / Method not allowed"
        case 413: title = "Requête trop grande / Request too large"
        case 416: title = "Plage non satisfaisable / Range not satisfiable"
        default: title = "Erreur / Error \(status.code)"
        }
        let html = "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(title)</title></head><body><h1>\(title)</h1></body></html>\n"
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return StaticResponse(status: status, headers: fields, body: ByteBuffer(string: html))
    }
}
