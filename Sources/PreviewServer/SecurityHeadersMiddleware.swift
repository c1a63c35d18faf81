import HTTPTypes
import Hummingbird

/// Adds the security headers and the cache policy to every response, errors included.
/// It turns thrown errors into responses itself: the router would otherwise build
/// them outside the middleware chain, without these headers.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = ErrorPage.response(error.status, headers: error.headers)
        } catch let error as any HTTPResponseError {
            response = (try? error.response(from: request, context: context)) ?? ErrorPage.response(.internalServerError)
        } catch {
            response = ErrorPage.response(.internalServerError)
        }
        ResponsePolicy.finish(&response, for: request)
        return response
    }
}
