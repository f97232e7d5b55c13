using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;

namespace StreamingMarketing.Gateway.Http;

/// <summary>
/// Gives the framework's bodiless error answers (415 for a wrong Content-Type, 404 for no route, 405, 400 for a JSON
/// body it could not bind or a query parameter that is not a number) the same JSON <c>{"error"}</c> body as ours, so
/// every 4xx tells the caller what to fix.
/// </summary>
public static class StatusMessages
{
    public static IApplicationBuilder UseStatusMessages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            var message = response.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => $"Content-Type '{context.HttpContext.Request.ContentType}' is not accepted here: send application/json (or application/x-ndjson to /api/events).",
                StatusCodes.Status404NotFound => "Nothing is served at this path: see /openapi/v1.json for the API.",
                StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on this path.",
                StatusCodes.Status400BadRequest when context.HttpContext.Request.ContentLength is > 0 || context.HttpContext.Request.ContentType is not null =>
                    "The request body could not be read: send well-formed JSON with the fields and types /openapi/v1.json lists.",
                StatusCodes.Status400BadRequest => "The request could not be read: check that numeric query parameters are whole numbers in range.",
                var status => $"{status} {ReasonPhrases.GetReasonPhrase(status)}.",
            };
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(JsonSerializer.Serialize(new Ingest.ErrorResponse(message), JsonSerializerOptions.Web));
        });
}
