package io.ycbridge.bonus;

import java.util.List;

/** Whose a record version's bonus is by the links as read ({@code owner} null: nobody can be named), and what that rests on. */
record ResolvedOwner(BonusOwner owner, List<LinkFact> facts) {
    static final ResolvedOwner NOBODY = new ResolvedOwner(null, List.of());
}
