/**
 * Logs keep no full IP address: an IPv4 address keeps its /24 network, an IPv6 address
 * its /48, which is enough to see abuse from a network and too little to find a person.
 */
export function maskIp(ip: string): string {
  const mapped = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(mapped)) {
    return `${mapped.split('.').slice(0, 3).join('.')}.0`;
  }
  if (mapped.includes(':')) {
    const [head = ''] = mapped.split('::');
    const groups = head.split(':').filter(Boolean).slice(0, 3);
    return `${groups.join(':')}::`;
  }
  return 'unknown';
}
