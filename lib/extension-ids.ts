/**
 * Stable identities of the extension. Admins need them for policy, tests need them to
 * open extension pages. The Chrome id is derived from PUBLIC_KEY (the private key is not
 * in this repository: the Chrome Web Store signs the published package).
 */
export const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmkoL79RKz9dqmawWXYWLqkq4LGjmZXj1vKbVg7K4KNETmYGUdQwESCAaiwclWhLlvlZtAsGJ5Dtkxn3aRV0V45BlvkLH2fGViMhy/OXXYRTrLMYZiGm+34gGI+3FXryj1pAGkQPZXHCmYzW+69eyrab6jiTFLomeN1bQTsYoqbdg26LJ35K7c5I0rSKuF3CE/R9QoVjPTgzStaF5cC5kq/o9TtFGrHwPxyVPuljZ0jJxIEPXtJUhmZX/Ltl843wP2YdghhXYbF1l2phowAmeYjW/0tp6Gu/XC4cJJNGqzrUtBYEQo5nbc9N5yHDs+rm+ST8duLLirYOrLjQ6AcG0kwIDAQAB';
export const CHROME_EXTENSION_ID = 'hfhpnmcfbmnkleljegpbajcphgcanpho';
export const GECKO_ID = 'priority-guard@support-tools';
