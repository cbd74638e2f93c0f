package dev.sociallogin.adapter.out.kakao;

/** Kakao's answers as documented (kakaologin/rest-api, rest-api/error-code) and seen in real integrations. */
final class KakaoBodies {

    static final String CODE = "yRkOu0VH2Jc4oDqE8fzfA1B6nX0GmT5pWsLk3ZbNd7Qe9VrUa2YcHi8Jt4MlPwKxSvg6CoRnEhFy1TzDu5IbAq";
    static final String ACCESS_TOKEN = "f3Kq9sVZx1pLmN0bT7yWcA2eR8uH5jD4AAAAAQoXEC8AAAGV1kYOqS2N1GIgzv2p";
    static final String REFRESH_TOKEN = "pQ7vB2nX9kLcW4sE1tY6uI3oA8zR5mH0AAAAAgoXEC8AAAGV1kYOoi2N1GIgzv2p";
    static final String CLIENT_SECRET = "Xy7CLIENTsecretQ2w9e8r7t6y5u4i3o";
    static final String CLIENT_ID = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    static final long APP_ID = 123456L;

    static final String TOKEN_OK = """
            {"token_type":"bearer","access_token":"%s",
             "expires_in":21599,"refresh_token":"%s",
             "refresh_token_expires_in":5183999,"scope":"account_email profile_nickname"}"""
            .formatted(ACCESS_TOKEN, REFRESH_TOKEN);

    /** Field order differs and an id_token plus an unknown field are present. */
    static final String TOKEN_OK_REORDERED = """
            {"scope":"profile_nickname openid","refresh_token_expires_in":5183999,"expires_in":21599,
             "id_token":"eyJraWQiOiI5ZjI1MmRhZGQ1ZjIzM2Y5M2QyZmE1MjhkMTJmZWEiLCJhbGciOiJSUzI1NiJ9.e30.c2ln",
             "refresh_token":"%s","access_token":"%s","token_type":"bearer","new_field":{"x":[1,2]}}"""
            .formatted(REFRESH_TOKEN, ACCESS_TOKEN);

    static final String TOKEN_WITHOUT_ACCESS_TOKEN = """
            {"token_type":"bearer","expires_in":21599,"refresh_token":"%s","refresh_token_expires_in":5183999}"""
            .formatted(REFRESH_TOKEN);

    static final String KOE320 = """
            {"error":"invalid_grant","error_description":"authorization code not found for code=%s","error_code":"KOE320"}"""
            .formatted(CODE);
    static final String KOE303 = """
            {"error":"invalid_grant","error_description":"Redirect URI mismatch.","error_code":"KOE303"}""";
    static final String KOE010 = """
            {"error":"invalid_client","error_description":"Bad client credentials","error_code":"KOE010"}""";
    static final String KOE101 = """
            {"error":"invalid_client","error_description":"Not exist client_id [%s]","error_code":"KOE101"}"""
            .formatted(CLIENT_ID);
    static final String KOE237 = """
            {"error":"invalid_request","error_description":"token request rate limit exceeded","error_code":"KOE237"}""";

    static final String USER_ME_FULL = """
            {"id":4362956124,"connected_at":"2025-07-30T08:51:33Z",
             "properties":{"nickname":"김세훈🐯"},
             "kakao_account":{
               "profile_nickname_needs_agreement":false,
               "profile":{"nickname":"김세훈🐯","is_default_image":true,"is_default_nickname":false},
               "has_email":true,"email_needs_agreement":false,
               "is_email_valid":true,"is_email_verified":true,"email":"sehoon.kim@kakao.example"}}""";

    static final String USER_ME_NO_EMAIL_CONSENT = """
            {"id":4362956124,"connected_at":"2025-07-30T08:51:33Z",
             "properties":{"nickname":"김세훈"},
             "kakao_account":{"profile_nickname_needs_agreement":false,
               "profile":{"nickname":"김세훈","is_default_nickname":false},
               "has_email":true,"email_needs_agreement":true}}""";

    static final String USER_ME_UNVERIFIED_EMAIL = """
            {"id":4362956124,"kakao_account":{"profile":{"nickname":"김세훈"},
               "has_email":true,"email_needs_agreement":false,
               "is_email_valid":true,"is_email_verified":false,"email":"sehoon.kim@kakao.example"}}""";

    static final String USER_ME_INVALID_EMAIL = """
            {"id":4362956124,"kakao_account":{"profile":{"nickname":"김세훈"},
               "has_email":true,"email_needs_agreement":false,
               "is_email_valid":false,"is_email_verified":true,"email":"sehoon.kim@kakao.example"}}""";

    static final String USER_ME_NO_CONSENT = """
            {"id":4362956124,"connected_at":"2025-07-30T08:51:33Z"}""";

    static final String USER_ME_ID_ABOVE_2_53 = """
            {"id":1376016924429759243,"connected_at":"2022-04-11T01:45:28Z",
             "kakao_account":{"profile":{"nickname":"홍길동"}}}""";

    static final String USER_ME_PLACEHOLDER_NICKNAME = """
            {"id":4362956124,"properties":{"nickname":"닉네임을 등록해주세요"},
             "kakao_account":{"profile_nickname_needs_agreement":false,
               "profile":{"nickname":"닉네임을 등록해주세요","is_default_image":true,"is_default_nickname":true}}}""";

    /** Escaped slashes, raw UTF-8 and fields this adapter has never heard of. */
    static final String USER_ME_ESCAPES_AND_EXTRAS = """
            {"id":4362956124,"connected_at":"2025-07-30T08:51:33Z","synched_at":"2025-07-30T08:51:33Z",
             "for_partner":{"uuid":"x"},
             "properties":{"nickname":"AC\\/DC 팬","profile_image":"http:\\/\\/k.kakaocdn.net\\/dn\\/img_640x640.jpg"},
             "kakao_account":{"profile_needs_agreement":false,
               "profile":{"nickname":"AC\\/DC 팬","thumbnail_image_url":"http:\\/\\/k.kakaocdn.net\\/dn\\/img_110x110.jpg",
                          "profile_image_url":"http:\\/\\/k.kakaocdn.net\\/dn\\/img_640x640.jpg","is_default_image":false},
               "has_age_range":true,"age_range_needs_agreement":true,
               "email":"fan\\/1@kakao.example","is_email_valid":true,"is_email_verified":true,"has_email":true}}""";

    static final String USER_ME_PROPERTIES_ONLY = """
            {"id":4362956124,"properties":{"nickname":"프로퍼티닉"},"kakao_account":{"profile_nickname_needs_agreement":true}}""";

    static final String USER_ME_WITHOUT_ID = """
            {"connected_at":"2025-07-30T08:51:33Z","properties":{"nickname":"김세훈"}}""";

    static String userMeWithId(String rawId) {
        return "{\"id\":" + rawId + ",\"kakao_account\":{\"profile\":{\"nickname\":\"x\"}}}";
    }

    static String userMeWithNickname(String nickname) {
        return "{\"id\":4362956124,\"kakao_account\":{\"profile\":{\"nickname\":\"" + nickname + "\"}}}";
    }

    static String tokenInfo(long appId) {
        return "{\"id\":4362956124,\"expires_in\":7199,\"app_id\":" + appId + "}";
    }

    static String apiError(int code, String msg) {
        return "{\"msg\":\"" + msg + "\",\"code\":" + code + "}";
    }

    static final String HTML_500 = """
            <!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>
            <body><h1>Internal Server Error</h1><p>Sorry, something went wrong.</p></body></html>""";

    private KakaoBodies() {
    }
}
