package io.flotilla.http;

/** What a handler answers: a status and a JSON body, or raw text with its content type. */
public record Response(int status, Object body, String contentType) {

    public static Response ok(Object body) {
        return new Response(200, body, null);
    }

    public static Response created(Object body) {
        return new Response(201, body, null);
    }

    public static Response accepted(Object body) {
        return new Response(202, body, null);
    }

    public static Response text(String text, String contentType) {
        return new Response(200, text, contentType);
    }
}
