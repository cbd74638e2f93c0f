package dev.sociallogin.adapter.out.dev;

/**
 * The dev provider's authorize page: a plain form, no script and no inline style (it is served under
 * a Content-Security-Policy that allows neither), every value escaped. It posts to the route it is
 * served from, carrying the flow's state in a hidden field.
 */
final class DevLoginPage {

    private DevLoginPage() {
    }

    static String render(String state) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>dev login</title>
                </head>
                <body>
                <main>
                  <h1>dev login</h1>
                  <p>The <code>dev</code> provider (<code>AUTH_DEV_LOGIN=true</code>): say who you are. No password;
                    this machine only. Your username will be <code>dev_</code> followed by the name.</p>
                  <form method="post" action="/auth/dev/authorize" id="dev-login">
                    <input type="hidden" name="state" value="%s">
                    <p><label>Name (letters, digits, <code>. _ -</code>)<br>
                      <input name="name" id="name" required maxlength="32" pattern="[A-Za-z0-9._\\-]{1,32}" autofocus></label></p>
                    <p><label>Nickname<br><input name="nickname" id="nickname" maxlength="64"></label></p>
                    <p><label>Email (optional)<br><input name="email" id="email" type="email" maxlength="255"></label></p>
                    <p><button type="submit" id="submit">Log in</button></p>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(escape(state));
    }

    /** HTML-escapes text for an element's content or a quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
