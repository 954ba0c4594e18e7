package io.github.eventcat.registry.sync;

import io.github.eventcat.runtime.registry.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registry URLs with their user info taken out, and that user info as basic-auth credentials. */
record UrlUserInfo(List<String> urls, Optional<RegistryCredentials> credentials) {

    static UrlUserInfo split(List<String> urls) {
        List<String> plain = new ArrayList<>();
        String userInfo = null;
        for (String url : urls) {
            URI uri;
            try {
                uri = new URI(url.trim());
            } catch (URISyntaxException e) {
                // the reason and index only: the input may hold a password, in a form no redaction recognises
                throw new IllegalArgumentException(
                        "the registry URL list has an entry that is not a valid URL (" + e.getReason()
                                + " at index " + e.getIndex()
                                + "): percent-encode special characters (in a password '@' is %40, "
                                + "':' is %3A, '/' is %2F)");
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("the registry URL list has an entry that is not an http(s) URL: "
                        + Redaction.unparsed(url.trim()) + " — write scheme://host:port, e.g. https://registry:8081");
            }
            String raw = uri.getRawUserInfo();
            if (raw == null) {
                plain.add(url.trim());
                continue;
            }
            if (userInfo != null && !userInfo.equals(raw)) {
                throw new IllegalArgumentException("the registry URL list has different user info in its URLs ("
                        + Redaction.url(String.join(",", urls)) + "): give the credentials once");
            }
            userInfo = raw;
            plain.add(url.trim().replace(raw + "@", ""));
        }
        if (userInfo == null) {
            return new UrlUserInfo(List.copyOf(plain), Optional.empty());
        }
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("the registry URL list has user info without a password ("
                    + Redaction.url(String.join(",", urls)) + "): write user:password@host, or give the credentials "
                    + "apart from the URL");
        }
        return new UrlUserInfo(
                List.copyOf(plain),
                Optional.of(new RegistryCredentials.Basic(
                        decode(userInfo.substring(0, colon)),
                        decode(userInfo.substring(colon + 1)),
                        RegistryConnection.URL_USER_INFO)));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UrlUserInfo" + urls + credentials.map(c -> ", " + c).orElse("");
    }
}
