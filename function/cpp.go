package function

// cppGen generates the cpp driver.
// TODO(driver): being written; until then it reports ErrNoDriver.
type cppGen struct{}

func (cppGen) Starter(sig *Signature) (string, error) { return "", ErrNoDriver }

func (cppGen) Program(sig *Signature, user []byte) (*Program, error) { return nil, ErrNoDriver }
