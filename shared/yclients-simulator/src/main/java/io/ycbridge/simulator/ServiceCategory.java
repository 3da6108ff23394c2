package io.ycbridge.simulator;

record ServiceCategory(long companyId, long id, String title, int weight) {
}
