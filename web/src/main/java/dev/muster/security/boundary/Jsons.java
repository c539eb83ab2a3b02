package dev.muster.security.boundary;

import jakarta.json.Json;
import jakarta.json.JsonValue;

/** Small pieces the security resources share. */
final class Jsons {

    /** Names of users, tokens and enrolments: plain, printable, no surprises in logs and tables. */
    static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}";
    static final String NAME_MESSAGE = "must be letters, digits, '.', '_', '@' or '-', starting with a letter or digit";

    private Jsons() {
    }

    static JsonValue orNull(Object value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toString());
    }
}
