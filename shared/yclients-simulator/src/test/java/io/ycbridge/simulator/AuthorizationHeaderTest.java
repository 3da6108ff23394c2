package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void readsBothForms() {
        assertEquals(new AuthorizationHeader("p1", Optional.of("u1")), AuthorizationHeader.parse("Bearer p1, User u1").orElseThrow());
        assertEquals(new AuthorizationHeader("p1", Optional.empty()), AuthorizationHeader.parse("Bearer p1").orElseThrow());
    }

    @Test
    void toleratesSpacesAroundTheComma() {
        assertEquals("u1", AuthorizationHeader.parse("Bearer p1 ,User u1").orElseThrow().userToken().orElseThrow());
        assertEquals("u1", AuthorizationHeader.parse("Bearer   p1  ,   User  u1 ").orElseThrow().userToken().orElseThrow());
        assertEquals("u1", AuthorizationHeader.parse("Bearer p1,User u1").orElseThrow().userToken().orElseThrow());
    }

    @Test
    void refusesEverythingElse() {
        for (String wrong : new String[] {"bearer p1", "Bearer p1, user u1", "BEARER p1", "Bearer", "Bearer ", "p1",
                "Bearer p1, Partner 1169323", "Bearer p1 u1", "Bearer p1, User", "Bearer p1, User u1, User u2",
                "Basic cDE6dTE=", ""}) {
            assertTrue(AuthorizationHeader.parse(wrong).isEmpty(), wrong);
        }
        assertTrue(AuthorizationHeader.parse(null).isEmpty());
    }
}
