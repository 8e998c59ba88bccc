"""Whether a client's address is on an allowed list of networks (HEALTH_DETAIL_ADDRESSES,
METRICS_ADDRESSES): one check, so /healthz and /metrics cannot come to disagree."""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import ip_address, ip_network


def address_allowed(address: str | None, networks: Iterable[str]) -> bool:
    """True when `address` lies in one of `networks` ("127.0.0.0/8", "::1", "10.1.2.3");
    a missing or malformed address is never allowed."""
    try:
        client = ip_address(address or "")
    except ValueError:
        return False
    return any(client in ip_network(network, strict=False) for network in networks)
