import { getRole, rememberedChoice, ROLE_DETAILS_KEY, ROLE_STORAGE_KEY, setRole } from './roleStore';

/** A Map-backed Storage (the node test environment has no localStorage). */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe('roleStore', () => {
  it('round-trips a choice', () => {
    const storage = memoryStorage();
    expect(getRole(storage)).toBeNull();
    setRole({ role: '科室', section: '工程管理科', name: '张三' }, storage);
    expect(getRole(storage)).toEqual({ role: '科室', section: '工程管理科', name: '张三' });
    setRole({ role: '分管领导', leader: '李副主任' }, storage);
    expect(getRole(storage)).toEqual({ role: '分管领导', leader: '李副主任' });
  });

  it('forgets the choice on null', () => {
    const storage = memoryStorage();
    setRole({ role: '督办员' }, storage);
    setRole(null, storage);
    expect(storage.getItem(ROLE_STORAGE_KEY)).toBeNull();
    expect(getRole(storage)).toBeNull();
  });

  it.each([
    ['not JSON', '{role:'],
    ['not an object', '"督办员"'],
    ['an unknown role', JSON.stringify({ role: '校长' })],
    ['null', 'null'],
  ])('treats %s as no choice', (_, raw) => {
    const storage = memoryStorage();
    storage.setItem(ROLE_STORAGE_KEY, raw);
    expect(getRole(storage)).toBeNull();
  });

  it('drops blank or non-text extras', () => {
    const storage = memoryStorage();
    storage.setItem(ROLE_STORAGE_KEY, JSON.stringify({ role: '科室', section: ' ', name: 42, leader: null }));
    expect(getRole(storage)).toEqual({ role: '科室' });
  });

  it('survives a storage that throws or is missing', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    expect(getRole(broken)).toBeNull();
    expect(() => setRole({ role: '督办员' }, broken)).not.toThrow();
    expect(getRole(undefined)).toBeNull();
    expect(() => setRole({ role: '督办员' }, undefined)).not.toThrow();
  });
});

describe('roleStore: each role remembers its own details', () => {
  it('switching roles brings back the 科室 and name last used in each (issue #13 item 9)', () => {
    const storage = memoryStorage();
    setRole({ role: '科室', section: '工程管理科', name: '张三' }, storage);
    setRole({ role: '督办员', name: '督办员甲' }, storage);
    expect(rememberedChoice('科室', storage)).toEqual({ role: '科室', section: '工程管理科', name: '张三' });
    setRole(rememberedChoice('科室', storage), storage);
    expect(rememberedChoice('督办员', storage)).toEqual({ role: '督办员', name: '督办员甲' });
    // no role chosen: the details stay for the next choice
    setRole(null, storage);
    expect(rememberedChoice('科室', storage)).toEqual({ role: '科室', section: '工程管理科', name: '张三' });
  });

  it('a role never used, or unreadable details, give the bare role', () => {
    const storage = memoryStorage();
    expect(rememberedChoice('分管领导', storage)).toEqual({ role: '分管领导' });
    storage.setItem(ROLE_DETAILS_KEY, '{broken');
    expect(rememberedChoice('科室', storage)).toEqual({ role: '科室' });
    storage.setItem(ROLE_DETAILS_KEY, JSON.stringify({ 科室: { section: ' ', name: 7 } }));
    expect(rememberedChoice('科室', storage)).toEqual({ role: '科室' });
  });
});
