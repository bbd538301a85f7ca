package function

// javascriptGen generates the javascript driver.
// TODO(driver): being written; until then it reports ErrNoDriver.
type javascriptGen struct{}

func (javascriptGen) Starter(sig *Signature) (string, error) { return "", ErrNoDriver }

func (javascriptGen) Program(sig *Signature, user []byte) (*Program, error) { return nil, ErrNoDriver }
